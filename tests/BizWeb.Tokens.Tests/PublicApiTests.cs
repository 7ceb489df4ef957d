using BizWeb.Testing;

namespace BizWeb.Tokens.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(CustomerCardPosition).Assembly, "BizWeb.Tokens.Tests");
}
