using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using BizWeb.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// After a full scenario, no PIN, customer card value or token seed is anywhere in the database in
/// clear: every text and blob value of every table is read.
/// </summary>
public abstract partial class SecretsScanTests(TestDatabase database) : IDisposable
{
    private const string NewUserLoginPin = "taro03x";

    private static readonly string[] Pins =
    [
        AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin,
        AuthHarness.TemporaryLoginPin, AuthHarness.TemporaryConfirmationPin, AuthHarness.UserLoginPin,
        AuthHarness.UserConfirmationPin, NewUserLoginPin, "wrong999",
    ];

    [Fact]
    public async Task No_PIN_is_stored_in_clear_in_any_table()
    {
        using (var h = AuthHarness.Create(services: s => database.AddStores(s)))
        {
            var (contract, certificate) = await h.ActiveContractAsync();
            await h.SignInAdminAsync(certificate);
            await h.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser);
            var taro = await h.RegisterUserAsync(contract);
            var (userCertificate, _) = await h.ActivateUserAsync(contract, taro);
            var userSession = await h.Get<UserSignIn>().SignInAsync(userCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser);
            Assert.True(userSession.Succeeded);
            Assert.True((await h.Get<CredentialChanges>().ChangeUserLoginPinAsync(await h.CallerAsync<SignedInUser>(userSession.Value, userCertificate), AuthHarness.UserLoginPin, NewUserLoginPin)).Succeeded);
        }

        var values = (await ReadEveryValueAsync()).Select(v => (v.Where, Value: v.Text)).ToList();
        Assert.True(values.Count > 50, $"only {values.Count} values were read");
        Assert.Contains(values, v => v.Value.StartsWith("$argon2id$", StringComparison.Ordinal));
        foreach (var (where, value) in values)
        {
            if (Digest().IsMatch(value) || Guid.TryParse(value, out _))
            {
                continue; // SHA-256 digests and ids: random hex, where the 4-digit ① may occur by chance.
            }

            foreach (var pin in Pins)
            {
                Assert.False(value.Contains(pin, StringComparison.Ordinal), $"{where} holds a PIN in clear");
            }
        }
    }

    [Fact]
    public async Task No_customer_card_value_or_token_seed_is_stored_in_clear_in_any_table()
    {
        ContractId contract;
        using (var h = AuthHarness.Create(services: s => database.AddStores(s)))
        {
            (contract, _) = await h.ActiveContractAsync();
        }

        // The real tokens package over the same database: issue a card, import a token, verify a code.
        var seed = RandomNumberGenerator.GetBytes(20);
        var owner = PrincipalId.User(contract, UserId.Parse("taro").Value);
        string cardValues;
        using (var provider = TotpReplayTests.Services(database, RandomNumberGenerator.GetBytes(32)))
        {
            using var scope = provider.CreateScope();
            var get = scope.ServiceProvider;
            var card = (await get.GetRequiredService<CustomerCardIssuance>().IssueAsync(contract, TestBankOperators.Caller("op001"), default)).Value;
            cardValues = string.Concat(CustomerCardPositions.All.Select(card.GetValue));

            var now = TimeProvider.System.GetUtcNow();
            var step = now.ToUnixTimeSeconds() / 30;
            var tokens = get.GetRequiredService<IHardwareTokenStore>();
            Assert.Empty(await tokens.AddAllAsync([new HardwareToken { SerialNumber = "SCAN-1", ProtectedSeed = get.GetRequiredService<ISecretProtector>().Protect(seed, "BizWeb.Tokens.Seed"), ImportedAt = now }], null, default));
            Assert.True((await tokens.TryAssignAsync("SCAN-1", owner, step - 5, 0, now, null, default)).Assigned);
            var verdict = await get.GetRequiredService<IHardwareTokenVerifier>().VerifyAsync(
                new SecondFactorContext(owner, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid(), now), TotpReplayTests.Code(seed, step), default);
            Assert.Equal(SecondFactorResult.Verified, verdict.Result);
        }

        var values = await ReadEveryValueAsync();
        Assert.Contains(values, v => v.Where == "bizweb_customer_cards.protected_values");
        Assert.Contains(values, v => v.Where == "bizweb_hardware_tokens.protected_seed");
        string[] seedTexts = [Convert.ToHexString(seed), Convert.ToHexStringLower(seed), Convert.ToBase64String(seed), Base32(seed)];
        foreach (var (where, text, bytes) in values)
        {
            Assert.False(text.Contains(cardValues, StringComparison.Ordinal), $"{where} holds the customer card's values in clear");
            Assert.DoesNotContain(seedTexts, t => text.Contains(t, StringComparison.OrdinalIgnoreCase));
            if (bytes is not null)
            {
                Assert.True(bytes.AsSpan().IndexOf(seed) < 0, $"{where} holds the token seed in clear");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(cardValues)) < 0, $"{where} holds the customer card's values in clear");
            }
        }
    }

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Digest();

    private static string Base32(byte[] data)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        for (var bit = 0; bit < data.Length * 8; bit += 5)
        {
            var value = 0;
            for (var i = 0; i < 5; i++)
            {
                var b = bit + i;
                value = (value << 1) | (b < data.Length * 8 ? (data[b / 8] >> (7 - (b % 8))) & 1 : 0);
            }

            text.Append(Alphabet[value]);
        }

        return text.ToString();
    }

    private async Task<List<(string Where, string Text, byte[]? Bytes)>> ReadEveryValueAsync()
    {
        using DbConnection connection = database.IsPostgreSql ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
#pragma warning disable CA2100 // fixed catalogue queries
            list.CommandText = database.IsPostgreSql
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
#pragma warning restore CA2100
            using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("bizweb_contracts", tables);
        var values = new List<(string, string, byte[]?)>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
#pragma warning disable CA2100 // table names read from the database's own catalogue
            select.CommandText = $"SELECT * FROM \"{table}\"";
#pragma warning restore CA2100
            using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    var text = value switch
                    {
                        string s => s,
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        _ => null,
                    };
                    if (text is not null)
                    {
                        values.Add(($"{table}.{reader.GetName(i)}", text, value as byte[]));
                    }
                }
            }
        }

        return values;
    }
}

public sealed class SqliteSecretsScanTests() : SecretsScanTests(new SqliteTestDatabase());

public sealed class PostgreSqlSecretsScanTests() : SecretsScanTests(new PostgreSqlTestDatabase());
