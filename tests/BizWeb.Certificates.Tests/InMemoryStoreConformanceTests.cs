using BizWeb.Certificates.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Certificates.Tests;

// The in-memory store is what AddCertificateAuthority() registers by default: nothing to add.
public sealed class InMemoryCertificateStoreConformance : CertificateStoreConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}

public sealed class InMemoryCertificateRevocationListStoreConformance : CertificateRevocationListStoreConformance
{
    protected override void AddStores(IServiceCollection services)
    {
    }
}
