using BizWeb.Storage.EntityFrameworkCore.PostgreSql;
using BizWeb.Storage.EntityFrameworkCore.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.SampleHost.Hosting;

/// <summary>What runs once before the host serves: migrations, the key ring table, the banner.</summary>
internal static class StartupTasks
{
    public static async Task MigrateAsync(IServiceProvider services, SampleHostSettings settings, CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            DbContext db = settings.UsesPostgreSql
                ? await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PostgreSqlBizWebDbContext>>().CreateDbContextAsync(cancellationToken)
                : await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SqliteBizWebDbContext>>().CreateDbContextAsync(cancellationToken);
            await using (db)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            await scope.ServiceProvider.GetRequiredService<KeyRingDbContext>().EnsureTableAsync(cancellationToken);
        }
    }

    public static void PrintBanner(SampleHostSettings settings)
    {
        var database = settings.UsesPostgreSql ? "PostgreSQL (ConnectionStrings:BizWeb)" : $"SQLite {settings.SqlitePath}";
        Console.WriteLine($"""

            BizWeb sample host
              customer site        {settings.SiteUrl}
              operations console   {settings.OperationsUrl}   (listens on {settings.Options.OperationsAddress} only)
              data folder          {settings.DataDirectory}
              database             {database}
              certificate tool     dotnet run --project samples/BizWeb.CertTool -- enroll --server {settings.SiteUrl} --server-ca {Path.Combine(settings.DataDirectory, "server-localhost.pem")} -c <contract id>
            {(settings.Options.TestClock ? "  TEST MODE: the clock can be moved forward from the operations console. Never use this for real." : string.Empty)}
            """);
    }
}
