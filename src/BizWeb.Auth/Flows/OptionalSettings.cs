using System.Text;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// The administrator's optional settings (各種設定, P.16): ① ご契約先口座情報 (debit accounts and their
/// limits), ② ファイル伝送契約情報 (全銀パスワード, ファイルアクセスキー), ③ ご契約先限度額, ④ 振込手数料マスタ
/// (先方負担手数料). Each change is authorised with the confirmation PIN ④ (failures count toward the
/// contract lock) and commits with its audit record and its notification to the administrator
/// (契約口座情報変更, ファイル伝送契約情報変更, 契約法人限度額変更, 手数料登録).
/// </summary>
public sealed class OptionalSettings
{
    /// <summary>The <see cref="ISecretProtector"/> purpose of the ファイルアクセスキー.</summary>
    public const string FileAccessKeyPurpose = "BizWeb.Auth.FileAccessKey";

    /// <summary>The most debit accounts a contract may register.</summary>
    public const int MaxDebitAccounts = 100;

    private readonly AdminAuthorization _authorization;
    private readonly IContractStore _contracts;
    private readonly IPinHasher _hasher;
    private readonly KdfAdmission _admission;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly BizWebOptions _options;
    private readonly IContractSettingsStore _settings;
    private readonly ISecretProtector? _protector;

    internal OptionalSettings(AdminAuthorization authorization, IContractStore contracts, IPinHasher hasher, KdfAdmission admission, Committer commits, AuditWriter audit, BankClock clock, IOptions<BizWebOptions> options, IContractSettingsStore settings, ISecretProtector? protector)
    {
        _authorization = authorization;
        _contracts = contracts;
        _hasher = hasher;
        _admission = admission;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _options = options.Value;
        _settings = settings;
        _protector = protector;
    }

    /// <summary>What the settings screens show: never the file-transfer credentials.</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The settings.</returns>
    public async ValueTask<ContractSettingsSummary> GetAsync(SignedInAdministrator admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var s = await _settings.FindAsync(admin.ContractId, cancellationToken).ConfigureAwait(false) ?? ContractSettings.Empty(admin.ContractId);
        return new ContractSettingsSummary(
            [.. _options.Transactions.Catalogue.Where(c => s.EnabledServices.Contains(c.Id, StringComparer.Ordinal))],
            s.DebitAccounts,
            s.ContractLimit,
            s.PayeeBorneFees,
            s.ZenginPasswordHash is not null && s.ProtectedFileAccessKey is not null);
    }

    /// <summary>① ご契約先口座情報: replaces the debit accounts and their limits (契約口座情報変更).</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="accounts">Every debit account with its limits.</param>
    /// <param name="confirmationPin">④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, <see cref="MessageCode.DebitAccountInvalid"/>, or a refusal of ④.</returns>
    public ValueTask<AuthResult> SetDebitAccountsAsync(SignedInAdministrator admin, IReadOnlyList<DebitAccount> accounts, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count > MaxDebitAccounts || !accounts.All(TransactionInput.IsValid) || accounts.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count() != accounts.Count)
        {
            return ValueTask.FromResult(AuthResult.Fail(MessageCode.DebitAccountInvalid));
        }

        IReadOnlyList<DebitAccount> copy = [.. accounts];
        return ChangeAsync(admin, confirmationPin, "DebitAccountsChanged", SecurityEvent.AccountInfoChanged, s => s with { DebitAccounts = copy }, cancellationToken);
    }

    /// <summary>③ ご契約先限度額: sets the contract-wide limit (契約法人限度額変更).</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="limit">The limit; <see langword="null"/> bounds mean no limit.</param>
    /// <param name="confirmationPin">④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, <see cref="MessageCode.TransferLimitInvalid"/>, or a refusal of ④.</returns>
    public ValueTask<AuthResult> SetContractLimitAsync(SignedInAdministrator admin, TransferLimit limit, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return !TransactionInput.IsValid(limit)
            ? ValueTask.FromResult(AuthResult.Fail(MessageCode.TransferLimitInvalid))
            : ChangeAsync(admin, confirmationPin, "ContractLimitChanged", SecurityEvent.ContractLimitChanged, s => s with { ContractLimit = limit }, cancellationToken);
    }

    /// <summary>④ 振込手数料マスタ: sets the customer's own payee-borne fees by amount band, or removes them (手数料登録).</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="bands">The 先方負担手数料 bands (checked by <see cref="FeeSchedule.Create"/>), or <see langword="null"/> to deduct the bank's fee.</param>
    /// <param name="confirmationPin">④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, <see cref="MessageCode.FeeScheduleInvalid"/>, or a refusal of ④.</returns>
    public ValueTask<AuthResult> SetPayeeBorneFeesAsync(SignedInAdministrator admin, IReadOnlyList<FeeBand>? bands, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (bands is not null && FeeSchedule.Create(bands) is { Succeeded: false } invalid)
        {
            return ValueTask.FromResult<AuthResult>(invalid);
        }

        IReadOnlyList<FeeBand>? copy = bands is null ? null : [.. bands];
        return ChangeAsync(admin, confirmationPin, "PayeeBorneFeesChanged", SecurityEvent.FeeRegistered, s => s with { PayeeBorneFees = copy }, cancellationToken);
    }

    /// <summary>
    /// ② ファイル伝送契約情報: sets the 全銀パスワード (6 half-width digits, stored as a PHC hash) and the
    /// ファイルアクセスキー (1–32 half-width letters and digits, stored encrypted) (ファイル伝送契約情報変更).
    /// </summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="zenginPassword">全銀パスワード.</param>
    /// <param name="fileAccessKey">ファイルアクセスキー.</param>
    /// <param name="confirmationPin">④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, <see cref="MessageCode.ZenginPasswordInvalid"/> / <see cref="MessageCode.FileAccessKeyInvalid"/>, or a refusal of ④.</returns>
    public async ValueTask<AuthResult> SetFileTransferInfoAsync(SignedInAdministrator admin, string? zenginPassword, string? fileAccessKey, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var input = new InputErrors();
        if (!TransactionInput.IsZenginPassword(zenginPassword))
        {
            input.Add(MessageCode.ZenginPasswordInvalid);
        }

        if (!TransactionInput.IsFileAccessKey(fileAccessKey))
        {
            input.Add(MessageCode.FileAccessKeyInvalid);
        }

        if (input.Any)
        {
            return AuthResult.Fail(input.Errors);
        }

        var protector = _protector ?? throw new InvalidOperationException("No ISecretProtector is registered: the file access key is stored encrypted.");
        if (await _admission.TryHashAsync(_hasher, [zenginPassword!], cancellationToken).ConfigureAwait(false) is not [var hash])
        {
            return AuthResult.Fail(MessageCode.ServiceBusy);
        }

        var key = protector.Protect(Encoding.ASCII.GetBytes(fileAccessKey!), FileAccessKeyPurpose);
        return await ChangeAsync(admin, confirmationPin, "FileTransferInfoChanged", SecurityEvent.FileTransferInfoChanged, s => s with { ZenginPasswordHash = hash, ProtectedFileAccessKey = key }, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<AuthResult> ChangeAsync(SignedInAdministrator admin, string? confirmationPin, string action, SecurityEvent securityEvent, Func<ContractSettings, ContractSettings> change, CancellationToken cancellationToken)
    {
        var (authorised, _) = await _authorization.VerifyAsync(admin, confirmationPin, action, cancellationToken).ConfigureAwait(false);
        if (!authorised.Succeeded)
        {
            return authorised;
        }

        return await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var contract = await _contracts.FindAsync(admin.ContractId, ct).ConfigureAwait(false);
                if (contract is null)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.ContractNotFound));
                }

                var current = await _settings.FindAsync(admin.ContractId, ct).ConfigureAwait(false) ?? ContractSettings.Empty(admin.ContractId);
                var changes = new AuthChanges().Put(change(current)).Append(_audit.Entry(admin.Actor, action, admin.Principal, AuditOutcome.Succeeded));
                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, securityEvent, admin.Principal, contract.AdminEmail));
                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
    }
}
