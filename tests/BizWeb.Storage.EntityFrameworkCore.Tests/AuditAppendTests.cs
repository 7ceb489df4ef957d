using System.Data.Common;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// An audit-only commit links after the head this process last saw, in one statement on PostgreSQL
/// (the locked transaction elsewhere): when another writer moved the head, or the guess came from
/// another database of the same model, it links after the real head, and the chain verifies.
/// </summary>
public abstract class AuditAppendTests
{
    private readonly Func<TestDatabase> _database;

    protected AuditAppendTests(Func<TestDatabase> database) => _database = database;

    [Fact]
    public async Task A_refusal_after_another_writer_moved_the_head_links_after_that_writers_record()
    {
        using var database = _database();
        using var h = AuthHarness.Create(services: s => database.AddStores(s));
        var (_, certificate) = await h.ActiveContractAsync();
        await WrongPinAsync(h, certificate);

        // Another process appends one record behind this one's back.
        var foreign = await AppendAsForeignWriterAsync(database);
        await WrongPinAsync(h, certificate);
        await WrongPinAsync(h, certificate);

        var trail = await h.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default);
        Assert.True(AuditChain.Verify(trail).IsIntact);
        var after = trail.Single(e => e.Sequence == foreign.Sequence + 1);
        Assert.Equal(foreign.Hash, after.PreviousHash);
        Assert.Equal(3, trail.Count(e => e is { Action: "AdminSignIn", Outcome: AuditOutcome.Failed }));
        Assert.Equal(trail[^1].Hash, (await ReadHeadAsync(database)).Hash);
    }

    [Fact]
    public async Task Two_databases_of_one_model_at_the_same_sequence_each_keep_their_own_chain()
    {
        using var first = _database();
        using var second = _database();
        using var a = AuthHarness.Create(services: s => first.AddStores(s));
        using var b = AuthHarness.Create(services: s => second.AddStores(s));
        var (_, certificateA) = await a.ActiveContractAsync();
        var (_, certificateB) = await b.ActiveContractAsync(contractId: "76543210987");

        // Alternating, each database's head is where the other's was a moment ago by sequence, never by
        // hash. Each database has its own guess of its head (one per connection string), and a guess
        // that came from elsewhere would still be refused by the statement's hash condition.
        for (var i = 0; i < 4; i++)
        {
            await WrongPinAsync(a, certificateA);
            await WrongPinAsync(b, certificateB);
        }

        foreach (var (h, database) in new[] { (a, first), (b, second) })
        {
            var trail = await h.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default);
            Assert.True(AuditChain.Verify(trail).IsIntact);
            Assert.Equal(4, trail.Count(e => e is { Action: "AdminSignIn", Outcome: AuditOutcome.Failed }));
            Assert.Equal((trail[^1].Sequence, trail[^1].Hash), await ReadHeadAsync(database));
        }
    }

    private static async Task WrongPinAsync(AuthHarness h, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var result = await h.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser);
        Assert.Equal(MessageCode.AdminSignInFailed, result.ErrorCode);
    }

    /// <summary>What a second host does, with plain SQL: locks the head, links one record after it, moves the head.</summary>
    private static async Task<AuditEntry> AppendAsForeignWriterAsync(TestDatabase database)
    {
        using var connection = Open(database);
        using var transaction = await connection.BeginTransactionAsync();
        var (sequence, hash) = await ReadHeadAsync(connection, transaction, database.IsPostgreSql ? " FOR UPDATE" : string.Empty);
        var entry = AuditChain.Link(
            new AuditEntry { At = DateTimeOffset.UnixEpoch, Actor = AuditActor.BankOperator("another-host"), Action = "ForeignAppend", Outcome = AuditOutcome.Succeeded },
            sequence + 1,
            hash);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO bizweb_audit_trail (sequence, at_ticks, actor_kind, actor_id, action, outcome, previous_hash, hash) VALUES (@s, @at, @kind, @actor, @action, @outcome, @previous, @hash);" +
            "UPDATE bizweb_audit_head SET last_sequence = @s, last_hash = @hash WHERE id = 1";
        Add(command, "@s", entry.Sequence);
        Add(command, "@at", entry.At.UtcTicks);
        Add(command, "@kind", (int)entry.Actor.Kind);
        Add(command, "@actor", entry.Actor.Id);
        Add(command, "@action", entry.Action);
        Add(command, "@outcome", (int)entry.Outcome);
        Add(command, "@previous", entry.PreviousHash);
        Add(command, "@hash", entry.Hash);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return entry;
    }

    private static async Task<(long Sequence, string Hash)> ReadHeadAsync(TestDatabase database)
    {
        using var connection = Open(database);
        return await ReadHeadAsync(connection, null, string.Empty);
    }

    private static async Task<(long Sequence, string Hash)> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, string lockClause)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // fixed statement of the test
        command.CommandText = "SELECT last_sequence, last_hash FROM bizweb_audit_head WHERE id = 1" + lockClause;
#pragma warning restore CA2100
        using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static DbConnection Open(TestDatabase database)
    {
        DbConnection connection = database.IsPostgreSql ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }
}

public sealed class SqliteAuditAppendTests() : AuditAppendTests(() => new SqliteTestDatabase());

public sealed class PostgreSqlAuditAppendTests() : AuditAppendTests(() => new PostgreSqlTestDatabase());
