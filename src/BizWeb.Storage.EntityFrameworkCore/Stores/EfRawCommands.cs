using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Runs one of <see cref="StorageSql"/>'s hot statements (the failure-counter reservation, its reset,
/// its read) as a single command on the context's connection, without EF Core's LINQ pipeline. Where
/// the dialect prepares commands (PostgreSQL) the command is prepared: Npgsql keeps a prepared statement on its physical connection
/// across pool returns, so after the first use the statement is neither parsed nor planned again, and
/// the pool's reset leaves it in place. The command still goes through EF Core's connection handling,
/// its command interceptors (executing, executed, error) and its logging, as <c>ExecuteSqlRaw</c> does.
/// </summary>
internal static class EfRawCommands
{
    /// <summary>Executes <paramref name="text"/> and answers the first column of its first row, or <see langword="null"/> when it returns no row.</summary>
    public static async Task<object?> ScalarAsync(DbContext db, StorageSql sql, string text, DbParameter[] parameters, CancellationToken cancellationToken)
    {
        var value = await ExecuteAsync(db, sql, text, parameters, DbCommandMethod.ExecuteScalar, cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Executes <paramref name="text"/> and answers the number of rows it changed.</summary>
    public static async Task<int> NonQueryAsync(DbContext db, StorageSql sql, string text, DbParameter[] parameters, CancellationToken cancellationToken) =>
        (int)(await ExecuteAsync(db, sql, text, parameters, DbCommandMethod.ExecuteNonQuery, cancellationToken).ConfigureAwait(false))!;

    private static async Task<object?> ExecuteAsync(DbContext db, StorageSql sql, string text, DbParameter[] parameters, DbCommandMethod method, CancellationToken cancellationToken)
    {
        var dependencies = (IRelationalDatabaseFacadeDependencies)((IDatabaseFacadeDependenciesAccessor)db.Database).Dependencies;
        var (connection, logger) = (dependencies.RelationalConnection, dependencies.CommandLogger);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = connection.DbConnection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
#pragma warning disable CA2100 // StorageSql builds every statement from the mapped model; values are parameters.
                command.CommandText = text;
#pragma warning restore CA2100
                command.Parameters.AddRange(parameters);
                command.Transaction = connection.CurrentTransaction?.GetDbTransaction();
                if (connection.CommandTimeout is { } timeout)
                {
                    command.CommandTimeout = timeout;
                }

                if (sql.PreparesCommands)
                {
                    // A no-op (no round trip) once this physical connection has prepared the statement.
                    await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                }

                return await RunAsync(db, connection, logger, command, method, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The command between EF Core's command interceptors and logging, as its own raw SQL commands run.</summary>
    private static async Task<object?> RunAsync(DbContext db, IRelationalConnection connection, IRelationalCommandDiagnosticsLogger logger, DbCommand command, DbCommandMethod method, CancellationToken cancellationToken)
    {
        // Timestamps for EF Core's diagnostics only; nothing is decided from them.
        var (commandId, connectionId, startTime, started) = (Guid.NewGuid(), connection.ConnectionId, TimeProvider.System.GetUtcNow(), Stopwatch.GetTimestamp());
        const CommandSource Source = CommandSource.ExecuteSqlRaw;
        try
        {
            if (method == DbCommandMethod.ExecuteScalar)
            {
                var interception = await logger.CommandScalarExecutingAsync(connection, command, command.CommandText, db, commandId, connectionId, startTime, Source, cancellationToken).ConfigureAwait(false);
                var value = interception.HasResult ? interception.Result : await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return await logger.CommandScalarExecutedAsync(connection, command, command.CommandText, db, commandId, connectionId, value, startTime, Stopwatch.GetElapsedTime(started), Source, cancellationToken).ConfigureAwait(false);
            }

            var changing = await logger.CommandNonQueryExecutingAsync(connection, command, command.CommandText, db, commandId, connectionId, startTime, Source, cancellationToken).ConfigureAwait(false);
            var rows = changing.HasResult ? changing.Result : await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return await logger.CommandNonQueryExecutedAsync(connection, command, command.CommandText, db, commandId, connectionId, rows, startTime, Stopwatch.GetElapsedTime(started), Source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await logger.CommandErrorAsync(connection, command, command.CommandText, db, method, commandId, connectionId, exception, startTime, Stopwatch.GetElapsedTime(started), Source, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
