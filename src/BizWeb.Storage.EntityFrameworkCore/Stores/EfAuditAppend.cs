using System.Data;
using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Commits a change set of audit records and counter resets alone as one statement (a round trip
/// instead of a transaction's four), where the dialect allows it
/// (<see cref="BizWebSqlDialect.SupportsDataModifyingCommonTableExpressions"/>): the records are
/// linked after the head this process last saw (<see cref="AuditHeadHint"/>), and the statement moves
/// the head from exactly there or changes nothing. Most refusals and a user's sign-in commit this way.
/// </summary>
internal static class EfAuditAppend
{
    /// <summary>Whether <paramref name="changes"/> holds nothing but audit records (at least one) and counter resets.</summary>
    public static bool Applies(StorageSql sql, AuthChanges changes) =>
        sql.AppendsInOneStatement
        && changes.Audit.Count > 0
        && changes is { Contracts.Count: 0, Users.Count: 0, Tickets.Count: 0, Notifications.Count: 0, ContractSettings.Count: 0, Transfers.Count: 0 };

    /// <summary>
    /// Appends in one statement; <see langword="false"/> when the head is unknown or moved elsewhere,
    /// and then nothing was written.
    /// </summary>
    public static async Task<bool> TryCommitAsync(DbContext db, StorageSql sql, AuthChanges changes, CancellationToken cancellationToken)
    {
        var hint = sql.AuditHeadOf(db);
        await hint.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (hint.Head is not { } head)
            {
                return false;
            }

            var parameters = new List<System.Data.Common.DbParameter>((changes.Audit.Count * StorageSql.AuditColumns.Count) + changes.CounterResets.Count + 4);
            var (sequence, previous) = head;
            for (var i = 0; i < changes.Audit.Count; i++)
            {
                var linked = AuditChain.Link(changes.Audit[i], ++sequence, previous);
                previous = linked.Hash;
                var row = AuditRow.From(linked);
                object?[] values = [row.Sequence, row.At, row.ActorKind, row.ActorId, row.ActorClientAddress, row.Action, row.SubjectContractId, row.SubjectUserId, row.Outcome, row.Detail, row.PreviousHash, row.Hash];
                for (var j = 0; j < values.Length; j++)
                {
                    parameters.Add(sql.Parameter($"@a{i}_{j}", values[j], values[j] switch { long => DbType.Int64, int => DbType.Int32, _ => DbType.String }));
                }
            }

            var resets = changes.CounterResets.Distinct(StringComparer.Ordinal).ToList();
            for (var i = 0; i < resets.Count; i++)
            {
                parameters.Add(sql.Parameter($"@k{i}", resets[i], DbType.String));
            }

            parameters.Add(sql.Int64Parameter("@previous", head.Sequence));
            parameters.Add(sql.Parameter("@previousHash", head.Hash, DbType.String));
            parameters.Add(sql.Int64Parameter("@last", sequence));
            parameters.Add(sql.Parameter("@hash", previous, DbType.String));
            var moved = await EfRawCommands.ScalarAsync(db, sql, sql.AppendAudit(changes.Audit.Count, resets.Count), [.. parameters], cancellationToken).ConfigureAwait(false);
            if (Convert.ToInt64(moved, System.Globalization.CultureInfo.InvariantCulture) == 1)
            {
                hint.Set(sequence, previous);
                return true;
            }

            hint.Set(0, null);
            return false;
        }
        finally
        {
            hint.Gate.Release();
        }
    }
}
