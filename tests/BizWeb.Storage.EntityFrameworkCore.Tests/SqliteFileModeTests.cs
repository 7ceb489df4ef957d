using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// Issue 15, finding 8: the SQLite database and its -wal/-shm files were created 0644 (readable by every
/// local account) while they hold PIN hashes, encrypted seeds and the audit trail. They are owner-only.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteFileModeTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _directory = Directory.CreateTempSubdirectory("bizweb-mode-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_database_and_its_wal_and_shm_files_are_created_owner_only()
    {
        var path = Path.Combine(_directory, "bizweb.db");
        var connectionString = $"Data Source={path}";
        var services = new ServiceCollection();
        services.AddBizWeb().AddSqliteStores(connectionString);
        await using var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<SqliteBizWebDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (1);";
            await wal.ExecuteNonQueryAsync();
        }

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path + "-wal"));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path + "-shm"));
    }

    [Fact]
    public void An_existing_database_file_keeps_the_mode_its_owner_gave_it()
    {
        var path = Path.Combine(_directory, "shared.db");
        File.WriteAllBytes(path, []);
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead);

        new ServiceCollection().AddBizWeb().AddSqliteStores($"Data Source={path}");

        Assert.Equal(OwnerReadWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }
}
