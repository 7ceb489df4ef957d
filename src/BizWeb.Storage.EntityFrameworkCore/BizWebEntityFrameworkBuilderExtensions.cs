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
    /// The provider packages call this with their dialect: <c>AddSqliteStores</c> (BizWeb.Storage.EntityFrameworkCore.Sqlite)
    /// and <c>AddPostgreSqlStores</c> (BizWeb.Storage.EntityFrameworkCore.PostgreSql), each with an overload
    /// for the bank's own context; call this directly only with a dialect of your own.
    /// </summary>
    /// <typeparam name="TContext">The bank's context, or a ready <see cref="BizWebDbContext"/>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="dialect">The SQL dialect of the context's provider; a context of another provider is refused at its first store call.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddEntityFrameworkStores<TContext>(this BizWebBuilder builder, BizWebSqlDialect dialect)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dialect);
        var services = builder.Services;
        services.RemoveAll<InMemoryAuthStore>();
        services.Replace(ServiceDescriptor.Scoped<IContractStore>(sp => new EfContractStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<IUserStore>(sp => new EfUserStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<IPrincipalReader>(sp => new EfPrincipalReader<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<IFlowTicketStore>(sp => new EfFlowTicketStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<ICredentialCounterStore>(sp => new EfCredentialCounterStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<IAuditTrailStore>(sp => new EfAuditTrailStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<INotificationOutbox>(sp => new EfNotificationOutbox<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<IAuthUnitOfWork>(sp => new EfAuthUnitOfWork<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<IContractSettingsStore>(sp => new EfContractSettingsStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<ITransferStore>(sp => new EfTransferStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<ITransferTotalStore>(sp => new EfTransferTotalStore<TContext>(Contexts<TContext>(sp, dialect))));

        // Tokens and certificates: Replace here wins over the in-memory defaults whichever is called
        // first, since AddCustomerCards, AddHardwareTokens and AddCertificateAuthority only TryAdd them.
        services.Replace(ServiceDescriptor.Scoped<ICustomerCardStore>(sp => new EfCustomerCardStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<ICustomerCardChallengeStore>(sp => new EfCustomerCardChallengeStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<IHardwareTokenStore>(sp => new EfHardwareTokenStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<ITransactionConfirmationStore>(sp => new EfTransactionConfirmationStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.RemoveAll<InMemoryCertificateStore>();
        services.Replace(ServiceDescriptor.Scoped<ICertificateStore>(sp => new EfCertificateStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.Replace(ServiceDescriptor.Scoped<ICertificateRevocationListStore>(sp => new EfCertificateRevocationListStore<TContext>(Contexts<TContext>(sp, dialect))));
        services.AddOptions<StorageRetentionOptions>()
            .Validate(o => !o.Validate().Any(), "BizWeb storage retention: retentions must not be negative and the interval must be positive.")
            .ValidateOnStart();
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var contexts = Contexts<TContext>(sp, dialect);
            return new BizWebStoragePurge(() => contexts.CreateDbContext(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<StorageRetentionOptions>>());
        }));
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var contexts = Contexts<TContext>(sp, dialect);
            return new BizWebStoreMigration(() => contexts.CreateDbContext());
        }));
        return builder;
    }

    /// <summary>
    /// Applies the migrations of the context the stores were registered on (<c>AddSqliteStores</c>,
    /// <c>AddPostgreSqlStores</c> or <see cref="AddEntityFrameworkStores{TContext}"/>), creating the
    /// database when it does not exist: call it once at start, before the host serves, e.g.
    /// <c>await app.Services.MigrateBizWebStoresAsync();</c>. A bank that deploys its schema by
    /// migration scripts instead (<c>dotnet ef migrations script</c>) does not call it.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the database is up to date.</returns>
    /// <exception cref="InvalidOperationException">No EF Core stores were registered.</exception>
    public static Task MigrateBizWebStoresAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var migration = services.GetService<BizWebStoreMigration>()
            ?? throw new InvalidOperationException("No BizWeb EF Core stores are registered: call AddSqliteStores(…), AddPostgreSqlStores(…) or AddEntityFrameworkStores<TContext>(…) on AddBizWeb(…) first.");
        return migration.MigrateAsync(cancellationToken);
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

    private static EfContexts<TContext> Contexts<TContext>(IServiceProvider services, BizWebSqlDialect dialect)
        where TContext : DbContext =>
        new(services.GetService<IDbContextFactory<TContext>>() ?? throw new InvalidOperationException(
            $"The BizWeb EF Core stores need IDbContextFactory<{typeof(TContext).Name}>: register the context with services.AddDbContextFactory<{typeof(TContext).Name}>(…) or AddPooledDbContextFactory."), dialect,
            services.GetRequiredService<IOptions<BizWebOptions>>().Value.MaxCommitAttempts);
}
