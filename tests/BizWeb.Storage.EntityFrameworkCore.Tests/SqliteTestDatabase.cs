using BizWeb.Storage.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// A SQLite file (not in-memory mode, so parallel connections really contend for the write lock),
/// copied from a template migrated once per test run.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private static readonly Lazy<string> Template = new(CreateTemplate);
    private readonly string _path;

    public SqliteTestDatabase()
    {
        _path = Path.Combine(Path.GetTempPath(), $"bizweb-test-{Guid.NewGuid():N}.db");
        File.Copy(Template.Value, _path);
        ConnectionString = ConnectionStringFor(_path);
    }

    public override string ConnectionString { get; }

    public override bool IsPostgreSql => false;

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    public override BizWebDbContext CreateContext(Action<DbContextOptionsBuilder>? configure = null)
    {
        var options = new DbContextOptionsBuilder<SqliteBizWebDbContext>();
        Configure(options);
        configure?.Invoke(options);
        return new SqliteBizWebDbContext(options.Options);
    }

    public override void AddStores(IServiceCollection services, Action<DbContextOptionsBuilder>? configure = null) =>
        AddStores<SqliteBizWebDbContext>(services, configure);

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static string ConnectionStringFor(string path) => new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60 }.ToString();

    private static string CreateTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bizweb-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        using (var db = new SqliteBizWebDbContext(new DbContextOptionsBuilder<SqliteBizWebDbContext>().UseSqlite(ConnectionStringFor(path)).Options))
        {
            db.Database.Migrate();
        }

        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
