using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Runs a store operation as one database transaction on a short-lived context. A conflict (a unique
/// key another transaction took first, or on PostgreSQL a serialization failure or deadlock) rolls
/// the attempt back and runs the operation again from its first read, up to
/// <see cref="BizWeb.Auth.BizWebOptions.MaxCommitAttempts"/> times in all (the flows' policy); any other
/// fault rolls back and throws. Nothing is decided from memory across attempts.
/// </summary>
internal static class EfTransactions
{
    public static async Task<T> InTransactionAsync<TContext, T>(this EfContexts<TContext> contexts, Func<TContext, StorageSql, Task<T>> body, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        for (var attempt = 1; ; attempt++)
        {
            using var db = contexts.CreateDbContext();
            var sql = contexts.Sql(db);
            // SQLite: BEGIN IMMEDIATE, so the transaction holds the write lock from its first read.
            using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await body(db, sql).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception exception) when (attempt < contexts.MaxCommitAttempts && sql.IsConflict(exception))
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
