using System.Text;
using Microsoft.Extensions.DependencyInjection;
using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Transactions;

/// <summary>各種設定 (P.16) with ④ and their notifications (SPEC.md §6).</summary>
public sealed class OptionalSettingsTests : IDisposable
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly AuthHarness _h = AuthHarness.Create(services: s => s.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = Key }, 1)));

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Each_setting_is_stored_and_notifies_the_administrator_in_the_same_commit()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var admin = await _h.AdminAsync(contract);
        var settings = _h.Get<OptionalSettings>();
        const string Pin = AuthHarness.AdminConfirmationPin;

        Assert.True((await settings.SetDebitAccountsAsync(admin, [new DebitAccount("001", PayeeAccountType.Ordinary, "1234567", new(1_000_000, 5_000_000))], Pin)).Succeeded);
        Assert.True((await settings.SetFileTransferInfoAsync(admin, "123456", "AccessKey01", Pin)).Succeeded);
        Assert.True((await settings.SetContractLimitAsync(admin, new(2_000_000, 10_000_000), Pin)).Succeeded);
        Assert.True((await settings.SetPayeeBorneFeesAsync(admin, [new FeeBand(long.MaxValue, 0, 110, 440)], Pin)).Succeeded);

        var events = (await _h.OutboxAsync(contract)).Select(n => n.Event).ToList();
        Assert.Equal([SecurityEvent.AccountInfoChanged, SecurityEvent.FileTransferInfoChanged, SecurityEvent.ContractLimitChanged, SecurityEvent.FeeRegistered], events.Where(e => (int)e is >= 112 and <= 115).Order());
        Assert.All((await _h.OutboxAsync(contract)).Where(n => (int)n.Event is >= 112 and <= 115), n => Assert.Equal(AuthHarness.AdminEmail, n.EmailAddress));
        var audit = await _h.AuditAsync();
        foreach (var action in new[] { "DebitAccountsChanged", "FileTransferInfoChanged", "ContractLimitChanged", "PayeeBorneFeesChanged" })
        {
            Assert.Contains(audit, a => a.Action == action && a.Outcome == AuditOutcome.Succeeded && a.Subject == admin.Principal);
        }

        var summary = await settings.GetAsync(admin);
        Assert.True(summary.FileTransferInfoRegistered);
        Assert.Equal(new TransferLimit(2_000_000, 10_000_000), summary.ContractLimit);
        Assert.Equal("001-1-1234567", Assert.Single(summary.DebitAccounts).Id);

        var stored = (await _h.Get<IContractSettingsStore>().FindAsync(contract, default))!;
        Assert.Equal(PinVerificationResult.Succeeded, _h.Hasher.VerifyPin("123456", stored.ZenginPasswordHash!));
        Assert.DoesNotContain("AccessKey01", Encoding.ASCII.GetString(stored.ProtectedFileAccessKey!), StringComparison.Ordinal);
        Assert.Equal("AccessKey01", Encoding.ASCII.GetString(_h.Get<ISecretProtector>().Unprotect(stored.ProtectedFileAccessKey!, OptionalSettings.FileAccessKeyPurpose)));
        Assert.DoesNotContain("argon", stored.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("12345", "key")]
    [InlineData("１２３４５６", "key")]
    [InlineData("12345a", "key")]
    [InlineData("123456", "")]
    [InlineData("123456", "key with space")]
    public async Task File_transfer_info_is_checked_before_the_confirmation_PIN(string password, string key)
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var admin = await _h.AdminAsync(contract);
        var result = await _h.Get<OptionalSettings>().SetFileTransferInfoAsync(admin, password, key, "wrong-pin");
        Assert.Contains(result.ErrorCode, new MessageCode?[] { MessageCode.ZenginPasswordInvalid, MessageCode.FileAccessKeyInvalid });
        Assert.Equal(0, await _h.Store.GetFailuresAsync(CounterKey.For(admin.Principal, Credential.AdminConfirmationPin), _h.Time.GetUtcNow(), default));
    }

    [Fact]
    public async Task A_wrong_confirmation_PIN_changes_nothing_and_counts_toward_the_contract_lock()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var admin = await _h.AdminAsync(contract);
        var result = await _h.Get<OptionalSettings>().SetContractLimitAsync(admin, new(1, 1), "wrong-pin1");
        Assert.Equal(MessageCode.ConfirmationPinIncorrect, result.ErrorCode);
        Assert.Null(await _h.Get<IContractSettingsStore>().FindAsync(contract, default));
        Assert.DoesNotContain(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.ContractLimitChanged);
        Assert.Equal(1, await _h.Store.GetFailuresAsync(CounterKey.For(admin.Principal, Credential.AdminConfirmationPin), _h.Time.GetUtcNow(), default));
    }

    [Fact]
    public async Task Invalid_accounts_limits_and_fee_tables_are_refused()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var admin = await _h.AdminAsync(contract);
        var settings = _h.Get<OptionalSettings>();
        const string Pin = AuthHarness.AdminConfirmationPin;
        var account = new DebitAccount("001", PayeeAccountType.Ordinary, "1234567", new(null, null));
        Assert.Equal(MessageCode.DebitAccountInvalid, (await settings.SetDebitAccountsAsync(admin, [account, account], Pin)).ErrorCode);
        Assert.Equal(MessageCode.DebitAccountInvalid, (await settings.SetDebitAccountsAsync(admin, [account with { AccountNumber = "123456" }], Pin)).ErrorCode);
        Assert.Equal(MessageCode.DebitAccountInvalid, (await settings.SetDebitAccountsAsync(admin, [account with { Limit = new(0, null) }], Pin)).ErrorCode);
        Assert.Equal(MessageCode.TransferLimitInvalid, (await settings.SetContractLimitAsync(admin, new(-1, null), Pin)).ErrorCode);
        Assert.Equal(MessageCode.FeeScheduleInvalid, (await settings.SetPayeeBorneFeesAsync(admin, [new FeeBand(10_000, 0, 1, 1)], Pin)).ErrorCode);
    }

    [Fact]
    public async Task The_bank_enables_only_catalogue_services()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var bank = _h.Get<BankOperations>();
        Assert.Equal(MessageCode.ServiceUnknown, (await bank.SetContractServicesAsync(_h.Operator, contract, ["Forex"])).ErrorCode);
        Assert.True((await bank.SetContractServicesAsync(_h.Operator, contract, [BankServices.Transfers, BankServices.FileTransfer])).Succeeded);
        Assert.Equal([BankServices.Transfers, BankServices.FileTransfer], (await _h.Get<OptionalSettings>().GetAsync(await _h.AdminAsync(contract))).EnabledServices.Select(s => s.Id));
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "ContractServicesChanged" && a.Actor == _h.Operator.Actor);
    }
}
