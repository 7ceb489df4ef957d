using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Runs one of <see cref="StorageSql"/>'s statements as a single raw command, the way
/// <c>ExecuteSqlRaw</c> does — EF Core's connection handling, command interceptors and logging, but no
/// LINQ query pipeline — for the hot statements (the failure-counter reservation, its reset and its read).
/// </summary>
internal static class EfRawCommands
{
    /// <summary>Executes <paramref name="sql"/> and answers the first column of its first row, or <see langword="null"/> when it returns no row.</summary>
    public static async Task<object?> ScalarAsync(DbContext db, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        var dependencies = (IRelationalDatabaseFacadeDependencies)((IDatabaseFacadeDependenciesAccessor)db.Database).Dependencies;
        var command = dependencies.RawSqlCommandBuilder.Build(sql, parameters, db.Model);
        var value = await command.RelationalCommand.ExecuteScalarAsync(
            new RelationalCommandParameterObject(dependencies.RelationalConnection, command.ParameterValues, null, db, dependencies.CommandLogger, CommandSource.ExecuteSqlRaw),
            cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}
