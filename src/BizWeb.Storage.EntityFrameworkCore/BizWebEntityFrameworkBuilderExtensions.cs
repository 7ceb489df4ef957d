using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Storage.EntityFrameworkCore;
using BizWeb.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EF Core stores on the builder <c>services.AddBizWeb(…)</c> returns.</summary>
public static class BizWebEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Replaces the in-memory stores with EF Core stores on <typeparamref name="TContext"/>: the auth
    /// stores, whose tables <see cref="BizWebModelBuilderExtensions.AddBizWebAuth"/> maps, and the
    /// stores of BizWeb.Tokens (<see cref="BizWebModelBuilderExtensions.AddBizWebTokens"/>) and
    /// BizWeb.Certificates (<see cref="BizWebModelBuilderExtensions.AddBizWebCertificates"/>), whether
    /// <c>AddCustomerCards</c>, <c>AddHardwareTokens</c> or <c>AddCertificateAuthority</c> is called
    /// before or after this. A store whose tables the context does not map throws on first use. Register the
    /// context with <c>AddDbContextFactory&lt;TContext&gt;</c> or <c>AddPooledDbContextFactory&lt;TContext&gt;</c>:
    /// each store call uses a short-lived context of its own, so one scope may call the stores
    /// concurrently. The stores are scoped; <see cref="BizWebStoragePurge"/> is registered too.
    /// Works on SQLite (3.35 or later) and PostgreSQL.
    /// </summary>
    /// <typeparam name="TContext">The bank's context, or a ready <see cref="BizWebDbContext"/>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddEntityFrameworkStores<TContext>(this BizWebBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.RemoveAll<InMemoryAuthStore>();
        services.Replace(ServiceDescriptor.Scoped<IContractStore>(sp => new EfContractStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<IUserStore>(sp => new EfUserStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<IFlowTicketStore>(sp => new EfFlowTicketStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<ICredentialCounterStore>(sp => new EfCredentialCounterStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<IAuditTrailStore>(sp => new EfAuditTrailStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<INotificationOutbox>(sp => new EfNotificationOutbox<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<IAuthUnitOfWork>(sp => new EfAuthUnitOfWork<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<IContractSettingsStore>(sp => new EfContractSettingsStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<ITransferStore>(sp => new EfTransferStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<ITransferTotalStore>(sp => new EfTransferTotalStore<TContext>(Contexts<TContext>(sp))));

        // Tokens and certificates: Replace here wins over the in-memory defaults whichever is called
        // first, since AddCustomerCards, AddHardwareTokens and AddCertificateAuthority only TryAdd them.
        services.Replace(ServiceDescriptor.Scoped<ICustomerCardStore>(sp => new EfCustomerCardStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<ICustomerCardChallengeStore>(sp => new EfCustomerCardChallengeStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<IHardwareTokenStore>(sp => new EfHardwareTokenStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<ITransactionConfirmationStore>(sp => new EfTransactionConfirmationStore<TContext>(Contexts<TContext>(sp))));
        services.RemoveAll<InMemoryCertificateStore>();
        services.Replace(ServiceDescriptor.Scoped<ICertificateStore>(sp => new EfCertificateStore<TContext>(Contexts<TContext>(sp))));
        services.Replace(ServiceDescriptor.Scoped<ICertificateRevocationListStore>(sp => new EfCertificateRevocationListStore<TContext>(Contexts<TContext>(sp))));
        services.AddOptions<StorageRetentionOptions>()
            .Validate(o => !o.Validate().Any(), "BizWeb storage retention: retentions must not be negative and the interval must be positive.")
            .ValidateOnStart();
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var contexts = Contexts<TContext>(sp);
            return new BizWebStoragePurge(() => contexts.CreateDbContext(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<StorageRetentionOptions>>());
        }));
        return builder;
    }

    /// <summary>
    /// The embedded default: EF Core stores on a SQLite file through <see cref="SqliteBizWebDbContext"/>
    /// (a pooled context factory). Apply its migrations at start (<c>Database.MigrateAsync()</c>).
    /// A database file that does not exist yet is created here, owner-only on Unix (0600), so the
    /// hashes and the audit trail it will hold are not readable by other local accounts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">For example <c>Data Source=bizweb.db</c>.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddSqliteStores(this BizWebBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqliteDatabaseFile.CreateOwnerOnly(connectionString);
        builder.Services.AddPooledDbContextFactory<SqliteBizWebDbContext>(o => o.UseSqlite(connectionString));
        return builder.AddEntityFrameworkStores<SqliteBizWebDbContext>();
    }

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
        return builder.AddEntityFrameworkStores<PostgreSqlBizWebDbContext>();
    }

    /// <summary>
    /// Runs <see cref="BizWebStoragePurge"/> as a hosted background service every
    /// <see cref="StorageRetentionOptions.Interval"/> (call after <c>AddEntityFrameworkStores</c>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the retention.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddStoragePurge(this BizWebBuilder builder, Action<StorageRetentionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StoragePurgeService>(sp => new StoragePurgeService(
            sp.GetRequiredService<BizWebStoragePurge>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<StorageRetentionOptions>>(),
            sp.GetService<ILoggerFactory>())));
        return builder;
    }

    private static IDbContextFactory<TContext> Contexts<TContext>(IServiceProvider services)
        where TContext : DbContext =>
        services.GetService<IDbContextFactory<TContext>>() ?? throw new InvalidOperationException(
            $"The BizWeb EF Core stores need IDbContextFactory<{typeof(TContext).Name}>: register the context with services.AddDbContextFactory<{typeof(TContext).Name}>(…) or AddPooledDbContextFactory.");
}
