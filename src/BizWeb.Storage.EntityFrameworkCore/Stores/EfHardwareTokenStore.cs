using BizWeb.Auth;
using BizWeb.Tokens;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The token inventory. Replay protection (<see cref="TryRecordUseAsync"/>) is one conditional UPDATE
/// of the last used step; assignment and retirement are one transaction each with the token row
/// locked (and on PostgreSQL the owner serialised by an advisory lock), over a unique index on the
/// owner; binding to a contract is one transaction with the token row locked; an import is one transaction that adds every token or none. The audit records a change
/// carries are appended in that change's transaction (<see cref="EfChanges"/>).
/// </summary>
internal sealed class EfHardwareTokenStore<TContext> : IHardwareTokenStore
    where TContext : DbContext
{
    /// <summary>Serial numbers per <c>IN (…)</c> query of an import (far below SQLite's parameter limit).</summary>
    private const int Chunk = 500;
    private const int Assigned = (int)HardwareTokenStatus.Assigned;
    private const int InStock = (int)HardwareTokenStatus.InStock;
    private const int Retired = (int)HardwareTokenStatus.Retired;

    private readonly EfContexts<TContext> _contexts;

    public EfHardwareTokenStore(EfContexts<TContext> contexts) => _contexts = contexts;

    public async ValueTask<IReadOnlyList<string>> AddAllAsync(IReadOnlyList<HardwareToken> tokens, AuthChanges? changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            if (changes is not null)
            {
                _ = await _contexts.InTransactionAsync<TContext, bool>(
                    async (db, sql) =>
                    {
                        await EfChanges.SaveAsync(db, sql, changes, cancellationToken).ConfigureAwait(false);
                        return true;
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            return [];
        }

        var rows = tokens.Select(HardwareTokenRow.From).ToList();
        return await _contexts.InTransactionAsync<TContext, IReadOnlyList<string>>(
            async (db, sql) =>
            {
                var existing = new HashSet<string>(StringComparer.Ordinal);
                foreach (var chunk in rows.Select(r => r.SerialNumber).Chunk(Chunk))
                {
                    var found = await db.Set<HardwareTokenRow>().AsNoTracking().Where(r => chunk.Contains(r.SerialNumber)).Select(r => r.SerialNumber)
                        .ToListAsync(cancellationToken).ConfigureAwait(false);
                    existing.UnionWith(found);
                }

                if (existing.Count > 0)
                {
                    return [.. rows.Select(r => r.SerialNumber).Where(existing.Contains)];
                }

                // A concurrent import of the same serial makes this a unique violation: the attempt is
                // rolled back whole and run again, and then answers with the serials that exist.
                db.AddRange(rows);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await EfChanges.SaveAsync(db, sql, changes, cancellationToken).ConfigureAwait(false);
                return [];
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<HardwareToken?> FindAsync(string serialNumber, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var row = await db.Set<HardwareTokenRow>().AsNoTracking().SingleOrDefaultAsync(r => r.SerialNumber == serialNumber, cancellationToken).ConfigureAwait(false);
        return row?.ToToken();
    }

    public async ValueTask<HardwareToken?> FindByOwnerAsync(PrincipalId owner, CancellationToken cancellationToken)
    {
        IdGuard.Require(owner);
        using var db = _contexts.CreateDbContext();
        var key = StoredIds.Key(owner);
        var row = await db.Set<HardwareTokenRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Owner == key && r.Status == Assigned, cancellationToken).ConfigureAwait(false);
        return row?.ToToken();
    }

    public async ValueTask<IReadOnlyList<HardwareToken>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var tokens = db.Set<HardwareTokenRow>().AsNoTracking();
        // Ordinal order: SQLite's default BINARY collation is; on PostgreSQL the "C" collation is (a
        // database collation such as en_US would sort "a2" before "B1"). The dialect names it.
        var collation = _contexts.Sql(db).OrdinalCollation;
        var ordered = collation is not null
            ? tokens.OrderBy(r => EF.Functions.Collate(r.SerialNumber, collation))
            : tokens.OrderBy(r => r.SerialNumber);
        var rows = await ordered.Skip(skip).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToToken())];
    }

    public async ValueTask<HardwareTokenAssignment> TryAssignAsync(string serialNumber, PrincipalId owner, long usedStep, int drift, DateTimeOffset now, Func<HardwareTokenAssignment, AuthChanges>? changes, CancellationToken cancellationToken)
    {
        IdGuard.Require(owner);
        var (key, nowTicks) = (StoredIds.Key(owner), Ticks.From(now));
        return await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                await sql.LockKeyAsync(db, "token-owner:" + key, cancellationToken).ConfigureAwait(false);
                var token = await LockAsync(db, sql, serialNumber, cancellationToken).ConfigureAwait(false);
                if (token is not { Status: InStock })
                {
                    return new HardwareTokenAssignment(false, null);
                }

                var tokens = db.Set<HardwareTokenRow>();
                var previous = await tokens.AsNoTracking().Where(r => r.Owner == key && r.Status == Assigned).Select(r => r.SerialNumber)
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                string? replaced = null;
                if (previous is not null
                    && await tokens.Where(r => r.SerialNumber == previous && r.Owner == key && r.Status == Assigned)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, Retired).SetProperty(r => r.Owner, (string?)null).SetProperty(r => r.ChangedAt, nowTicks), cancellationToken)
                        .ConfigureAwait(false) == 1)
                {
                    replaced = previous;
                }

                var assigned = await tokens.Where(r => r.SerialNumber == serialNumber && r.Status == InStock)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(r => r.Status, Assigned).SetProperty(r => r.Owner, key).SetProperty(r => r.LastUsedStep, usedStep)
                            .SetProperty(r => r.Drift, drift).SetProperty(r => r.ChangedAt, nowTicks),
                        cancellationToken)
                    .ConfigureAwait(false);
                if (assigned != 1)
                {
                    throw new InvalidOperationException("A locked token changed under its lock.");
                }

                var assignment = new HardwareTokenAssignment(true, replaced);
                await EfChanges.SaveAsync(db, sql, changes?.Invoke(assignment), cancellationToken).ConfigureAwait(false);
                return assignment;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<HardwareToken?> TryBindAsync(string serialNumber, ContractId? contractId, Func<HardwareToken, AuthChanges>? changes, CancellationToken cancellationToken)
    {
        var bound = contractId?.ToString();
        return await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                var token = await LockAsync(db, sql, serialNumber, cancellationToken).ConfigureAwait(false);
                if (token is not { Status: InStock })
                {
                    return null;
                }

                var changed = await db.Set<HardwareTokenRow>().Where(r => r.SerialNumber == serialNumber && r.Status == InStock)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.BoundContractId, bound), cancellationToken)
                    .ConfigureAwait(false);
                if (changed != 1)
                {
                    return null;
                }

                var before = token.ToToken();
                await EfChanges.SaveAsync(db, sql, changes?.Invoke(before), cancellationToken).ConfigureAwait(false);
                return before;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<HardwareToken?> TryRetireAsync(string serialNumber, DateTimeOffset now, Func<HardwareToken, AuthChanges>? changes, CancellationToken cancellationToken)
    {
        var nowTicks = Ticks.From(now);
        return await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                var token = await LockAsync(db, sql, serialNumber, cancellationToken).ConfigureAwait(false);
                if (token is null || token.Status == Retired)
                {
                    return null;
                }

                var retired = await db.Set<HardwareTokenRow>().Where(r => r.SerialNumber == serialNumber && r.Status == token.Status)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, Retired).SetProperty(r => r.Owner, (string?)null).SetProperty(r => r.ChangedAt, nowTicks), cancellationToken)
                    .ConfigureAwait(false);
                if (retired != 1)
                {
                    return null;
                }

                var before = token.ToToken();
                await EfChanges.SaveAsync(db, sql, changes?.Invoke(before), cancellationToken).ConfigureAwait(false);
                return before;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> TryRecordUseAsync(string serialNumber, PrincipalId owner, long timeStep, int drift, AuthChanges? changes, CancellationToken cancellationToken)
    {
        IdGuard.Require(owner);
        var key = StoredIds.Key(owner);
        if (changes is null)
        {
            // A plain verification: the one conditional UPDATE, no transaction around it.
            using var db = _contexts.CreateDbContext();
            return await RecordUseAsync(db, serialNumber, key, timeStep, drift, cancellationToken).ConfigureAwait(false);
        }

        return await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                if (!await RecordUseAsync(db, serialNumber, key, timeStep, drift, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                await EfChanges.SaveAsync(db, sql, changes, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>UPDATE … SET last_used_step = @step, drift = @drift WHERE serial_number = @serial AND status = Assigned
    /// AND owner = @owner AND last_used_step &lt; @step</c>; whether it changed the row.
    /// </summary>
    private static async Task<bool> RecordUseAsync(DbContext db, string serialNumber, string key, long timeStep, int drift, CancellationToken cancellationToken) =>
        await db.Set<HardwareTokenRow>()
            .Where(r => r.SerialNumber == serialNumber && r.Status == Assigned && r.Owner == key && r.LastUsedStep < timeStep)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastUsedStep, timeStep).SetProperty(r => r.Drift, drift), cancellationToken)
            .ConfigureAwait(false) == 1;

    /// <summary>Reads the token and, on PostgreSQL, locks its row until the commit (SQLite: the transaction holds the write lock).</summary>
    private static async Task<HardwareTokenRow?> LockAsync(DbContext db, StorageSql sql, string serialNumber, CancellationToken cancellationToken)
    {
        var rows = await db.Set<HardwareTokenRow>().FromSqlRaw(sql.LockToken, sql.Parameter("@serial", serialNumber)).AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 1 ? rows[0] : null;
    }
}
