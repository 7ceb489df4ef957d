using BizWeb.Storage.EntityFrameworkCore;
using BizWeb.Testing;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(BizWebDbContext).Assembly, "BizWeb.Storage.EntityFrameworkCore.Tests");
}
