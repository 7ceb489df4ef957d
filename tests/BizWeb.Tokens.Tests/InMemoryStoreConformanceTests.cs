using BizWeb.Tokens.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Tokens.Tests;

// The in-memory stores are what AddCustomerCards() and AddHardwareTokens() register by default: nothing to add.
public sealed class InMemoryCustomerCardStoreConformance : CustomerCardStoreConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryHardwareTokenStoreConformance : HardwareTokenStoreConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryHardwareTokenRegistrationConformance : HardwareTokenRegistrationConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryHotpTokenConformance : HotpTokenConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryTransactionConfirmationStoreConformance : TransactionConfirmationStoreConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}
