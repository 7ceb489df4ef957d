using BizWeb.Auth;
using BizWeb.Storage.EntityFrameworkCore;
using BizWeb.Storage.EntityFrameworkCore.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the BizWeb EF Core stores on PostgreSQL on the builder <c>services.AddBizWeb(…)</c> returns.</summary>
public static class BizWebPostgreSqlBuilderExtensions
{
    /// <summary>
    /// EF Core stores on PostgreSQL through <see cref="PostgreSqlBizWebDbContext"/> (a pooled context
    /// factory). Apply its migrations at start or from a deployment step.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddPostgreSqlStores(this BizWebBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddPooledDbContextFactory<PostgreSqlBizWebDbContext>(o => o.UseNpgsql(connectionString));
        return builder.AddPostgreSqlStores<PostgreSqlBizWebDbContext>();
    }

    /// <summary>
    /// EF Core stores on the bank's own <typeparamref name="TContext"/>, configured with <c>UseNpgsql</c>
    /// and registered with <c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>, its model
    /// mapping the BizWeb tables (<see cref="BizWebModelBuilderExtensions.AddBizWebAll"/>). See
    /// <see cref="BizWebEntityFrameworkBuilderExtensions.AddEntityFrameworkStores{TContext}"/>.
    /// </summary>
    /// <typeparam name="TContext">The bank's context.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddPostgreSqlStores<TContext>(this BizWebBuilder builder)
        where TContext : DbContext =>
        builder.AddEntityFrameworkStores<TContext>(PostgreSqlBizWebSqlDialect.Instance);
}
