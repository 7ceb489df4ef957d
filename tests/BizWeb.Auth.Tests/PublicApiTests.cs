using BizWeb.Testing;

namespace BizWeb.Auth.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(ContractId).Assembly, "BizWeb.Auth.Tests");
}
