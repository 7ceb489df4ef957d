using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BizWeb.Storage.EntityFrameworkCore.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the ready context without a host (see the package
/// README, "Migrations"). The connection string is never opened when adding a migration.
/// </summary>
internal sealed class PostgreSqlDesignTimeContext : IDesignTimeDbContextFactory<PostgreSqlBizWebDbContext>
{
    public PostgreSqlBizWebDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlBizWebDbContext>().UseNpgsql("Host=localhost;Database=bizweb_design_time").Options);
}
