using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore.Sqlite;

/// <summary>The ready context for SQLite, the embedded default; its migrations are in this package.</summary>
public sealed class SqliteBizWebDbContext : BizWebDbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">Options configured with <c>UseSqlite</c>.</param>
    public SqliteBizWebDbContext(DbContextOptions<SqliteBizWebDbContext> options)
        : base(options)
    {
    }
}
