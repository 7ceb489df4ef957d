using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the ready contexts without a host (see the package
/// README, "Migrations"). The connection strings are never opened when adding a migration.
/// </summary>
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteBizWebDbContext>
{
    public SqliteBizWebDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBizWebDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>The PostgreSQL counterpart of <see cref="SqliteDesignTimeContext"/>.</summary>
internal sealed class PostgreSqlDesignTimeContext : IDesignTimeDbContextFactory<PostgreSqlBizWebDbContext>
{
    public PostgreSqlBizWebDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlBizWebDbContext>().UseNpgsql("Host=localhost;Database=bizweb_design_time").Options);
}
