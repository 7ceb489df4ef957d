using BizWeb.Storage.EntityFrameworkCore;
using BizWeb.Testing;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(BizWebDbContext).Assembly, "BizWeb.Storage.EntityFrameworkCore.Tests");

    [Fact]
    public void Public_API_of_the_SQLite_package_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(SqliteBizWebDbContext).Assembly, "BizWeb.Storage.EntityFrameworkCore.Tests");

    [Fact]
    public void Public_API_of_the_PostgreSQL_package_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(PostgreSqlBizWebDbContext).Assembly, "BizWeb.Storage.EntityFrameworkCore.Tests");
}
