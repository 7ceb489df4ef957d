using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>The committed migrations match the model on both providers and create what the stores need.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_model_has_no_changes_missing_from_the_migrations()
    {
        using var database = new SqliteTestDatabase();
        using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Fact]
    public void The_PostgreSQL_model_has_no_changes_missing_from_the_migrations()
    {
        using var database = new PostgreSqlTestDatabase();
        using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Fact]
    public void A_migrated_SQLite_file_uses_write_ahead_logging_so_readers_never_wait_for_writers()
    {
        using var database = new SqliteTestDatabase();
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task Migrations_go_down_and_up_again_on_PostgreSQL()
    {
        using var database = new PostgreSqlTestDatabase();
        using var db = database.CreateContext();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync("0");
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await migrator.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
