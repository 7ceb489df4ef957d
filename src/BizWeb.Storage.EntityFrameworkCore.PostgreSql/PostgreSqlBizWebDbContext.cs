using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore.PostgreSql;

/// <summary>The ready context for PostgreSQL; its migrations (with the append-only audit trigger) are in this package.</summary>
public sealed class PostgreSqlBizWebDbContext : BizWebDbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">Options configured with <c>UseNpgsql</c>.</param>
    public PostgreSqlBizWebDbContext(DbContextOptions<PostgreSqlBizWebDbContext> options)
        : base(options)
    {
    }
}
