using BizWeb.Testing;

namespace BizWeb.Certificates.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(CertificateCommonName).Assembly, "BizWeb.Certificates.Tests");
}
