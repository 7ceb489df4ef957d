using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BizWeb.Testing.Storage;

/// <summary>
/// EF Core interceptors that report every database round trip before it happens: each command EF Core
/// executes (queries, raw commands through its command logger, SaveChanges batches) with its text, and
/// each commit as "COMMIT". The round-trip counts, the fault injection and the Identity comparison share it.
/// </summary>
public static class RoundTripObserver
{
    /// <summary>The interceptors to add to a context's options; <paramref name="onRoundTrip"/> may throw to fail the command.</summary>
    public static IInterceptor[] Interceptors(Action<string> onRoundTrip) => [new Commands(onRoundTrip), new Commits(onRoundTrip)];

    private sealed class Commands(Action<string> step) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            step(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            step(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            step(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            step(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            step(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            step(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Commits(Action<string> step) : DbTransactionInterceptor
    {
        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            step("COMMIT");
            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            step("COMMIT");
            return ValueTask.FromResult(result);
        }
    }
}
