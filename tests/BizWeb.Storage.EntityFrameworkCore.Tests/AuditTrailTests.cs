using System.Data.Common;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>The audit table is append-only in the database itself, and its chain verifies from the table alone.</summary>
public abstract class AuditTrailTests : IDisposable
{
    private readonly TestDatabase _database;
    private readonly AuthHarness _harness;

    protected AuditTrailTests(TestDatabase database)
    {
        _database = database;
        _harness = AuthHarness.Create(services: s => database.AddStores(s));
    }

    [Fact]
    public async Task Updating_deleting_or_emptying_audit_records_is_refused_by_the_database()
    {
        await WriteSomeAuditAsync();
        var before = await ReadChainFromTableAsync();

        await AssertRefusedAsync("UPDATE bizweb_audit_trail SET detail = 'forged' WHERE sequence = 2");
        await AssertRefusedAsync("DELETE FROM bizweb_audit_trail WHERE sequence = (SELECT MAX(sequence) FROM bizweb_audit_trail)");
        await AssertRefusedAsync("DELETE FROM bizweb_audit_head");
        if (_database.IsPostgreSql)
        {
            await AssertRefusedAsync("TRUNCATE bizweb_audit_trail");
            await AssertRefusedAsync("TRUNCATE bizweb_audit_head");
        }

        Assert.Equal(before, await ReadChainFromTableAsync());
    }

    [Fact]
    public async Task The_chain_verifies_from_the_table_alone_and_the_head_pins_its_tail()
    {
        await WriteSomeAuditAsync();

        var records = await ReadChainFromTableAsync();
        var verification = AuditChain.Verify(records);
        Assert.True(verification.IsIntact);
        Assert.Equal(records.Count, verification.VerifiedRecords);
        var (lastSequence, lastHash) = await ReadHeadAsync();
        Assert.Equal(records[^1].Sequence, lastSequence);
        Assert.Equal(records[^1].Hash, lastHash);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task WriteSomeAuditAsync()
    {
        var (contract, certificate) = await _harness.ActiveContractAsync();
        await _harness.RegisterUserAsync(contract);
        await _harness.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser);
        await _harness.SignInAdminAsync(certificate);
    }

    private DbConnection Open()
    {
        DbConnection connection = _database.IsPostgreSql ? new NpgsqlConnection(_database.ConnectionString) : new SqliteConnection(_database.ConnectionString);
        connection.Open();
        return connection;
    }

    private async Task AssertRefusedAsync(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // fixed statements of the test
        command.CommandText = sql;
#pragma warning restore CA2100
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Reads the records with plain SQL, no EF Core and no store: what an auditor with database access does.</summary>
    private async Task<List<AuditEntry>> ReadChainFromTableAsync()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT sequence, at_ticks, actor_kind, actor_id, actor_client_address, action, subject_contract_id, subject_user_id, outcome, detail, previous_hash, hash " +
            "FROM bizweb_audit_trail ORDER BY sequence";
        using var reader = await command.ExecuteReaderAsync();
        var records = new List<AuditEntry>();
        while (await reader.ReadAsync())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var contractId = Text(6);
            var userId = Text(7);
            records.Add(new AuditEntry
            {
                Sequence = reader.GetInt64(0),
                At = new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                Actor = new AuditActor((AuditActorKind)reader.GetInt32(2), reader.GetString(3), Text(4)),
                Action = reader.GetString(5),
                Subject = contractId is null ? null : new PrincipalId(ContractId.Parse(contractId).Value, userId is null ? null : UserId.Parse(userId).Value),
                Outcome = (AuditOutcome)reader.GetInt32(8),
                Detail = Text(9),
                PreviousHash = reader.GetString(10),
                Hash = reader.GetString(11),
            });
        }

        return records;
    }

    private async Task<(long Sequence, string Hash)> ReadHeadAsync()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_sequence, last_hash FROM bizweb_audit_head";
        using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetString(1));
    }
}

public sealed class SqliteAuditTrailTests() : AuditTrailTests(new SqliteTestDatabase());

public sealed class PostgreSqlAuditTrailTests() : AuditTrailTests(new PostgreSqlTestDatabase());
