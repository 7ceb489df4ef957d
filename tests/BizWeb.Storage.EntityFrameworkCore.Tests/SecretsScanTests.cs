using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>After a full scenario, no PIN is anywhere in the database in clear: every text and blob value of every table is read.</summary>
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
            Assert.True((await h.Get<UserSignIn>().SignInAsync(userCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded);
            Assert.True((await h.Get<CredentialChanges>().ChangeUserLoginPinAsync(PrincipalId.User(contract, taro), AuthHarness.UserLoginPin, NewUserLoginPin, AuditActor.Principal(PrincipalId.User(contract, taro)))).Succeeded);
        }

        var values = await ReadEveryTextValueAsync();
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

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Digest();

    private async Task<List<(string Where, string Value)>> ReadEveryTextValueAsync()
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
        var values = new List<(string, string)>();
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
                        values.Add(($"{table}.{reader.GetName(i)}", text));
                    }
                }
            }
        }

        return values;
    }
}

public sealed class SqliteSecretsScanTests() : SecretsScanTests(new SqliteTestDatabase());

public sealed class PostgreSqlSecretsScanTests() : SecretsScanTests(new PostgreSqlTestDatabase());
