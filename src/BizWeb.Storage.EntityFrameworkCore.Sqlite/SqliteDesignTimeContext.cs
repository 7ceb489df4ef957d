using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BizWeb.Storage.EntityFrameworkCore.Sqlite;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the ready context without a host (see the package
/// README, "Migrations"). The connection string is never opened when adding a migration.
/// </summary>
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteBizWebDbContext>
{
    public SqliteBizWebDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBizWebDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
