using Microsoft.Data.Sqlite;

namespace BizWeb.Storage.EntityFrameworkCore.Sqlite;

/// <summary>
/// The SQLite file holds PIN hashes, encrypted seeds and the audit trail: on Unix it is created
/// owner-only (0600) before SQLite first opens it, and SQLite gives its journal, -wal and -shm files
/// the database file's permissions. An existing file is left as its owner set it.
/// </summary>
internal static class SqliteDatabaseFile
{
    public static void CreateOwnerOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var path = builder.DataSource;
        if (OperatingSystem.IsWindows() || builder.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly
            || string.IsNullOrEmpty(path) || path == ":memory:" || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created meanwhile by another process: it is that process's file mode.
        }
    }
}
