using BizWeb.Testing;

namespace BizWeb.AspNetCore.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(BizWebAspNetCoreOptions).Assembly, "BizWeb.AspNetCore.Tests");
}
