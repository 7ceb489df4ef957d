using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// A context holding only the BizWeb tables (prefix <c>bizweb_</c>, default schema) of the auth,
/// tokens and certificates packages. Use one of the
/// ready provider contexts, <c>SqliteBizWebDbContext</c> (BizWeb.Storage.EntityFrameworkCore.Sqlite) or
/// <c>PostgreSqlBizWebDbContext</c> (BizWeb.Storage.EntityFrameworkCore.PostgreSql), which carry the
/// committed migrations; or map the tables into the bank's own context with
/// <see cref="BizWebModelBuilderExtensions.AddBizWebAll"/> (or <c>AddBizWebAuth</c> and the packages' tables it uses).
/// </summary>
public abstract class BizWebDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The provider-specific options.</param>
    protected BizWebDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddBizWebAll();
}
