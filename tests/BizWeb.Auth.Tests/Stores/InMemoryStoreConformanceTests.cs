using BizWeb.Auth.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Auth.Tests.Stores;

// The in-memory store is what AddBizWeb registers by default: nothing to add.
public sealed class InMemoryCredentialCounterConformance : CredentialCounterConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryUnitOfWorkConformance : UnitOfWorkConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryOutboxConformance : OutboxConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryFlowConformance : FlowConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryTransactionConformance : TransactionConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}
