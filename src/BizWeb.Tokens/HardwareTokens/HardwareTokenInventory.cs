using System.Security.Cryptography;
using BizWeb.Auth;
using Microsoft.Extensions.Options;
using OtpNet;

namespace BizWeb.Tokens;

/// <summary>
/// The bank's token inventory (運用端末): import seeds from PSKC files (RFC 6030), create software
/// tokens, list tokens, bind a token to the contract it is shipped to, release a token blocked for
/// registration, unregister a lost token, and resynchronise a token that drifted far.
/// </summary>
public sealed class HardwareTokenInventory
{
    private const int MaxAddAttempts = 3;
    private readonly IHardwareTokenStore _tokens;
    private readonly HardwareTokenCodes _codes;
    private readonly HardwareTokenRegistrationCounters _counters;
    private readonly IContractStore _contracts;
    private readonly IAuthUnitOfWork _unitOfWork;
    private readonly HardwareTokenOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="tokens">The token store.</param>
    /// <param name="protector">Encrypts seeds at rest.</param>
    /// <param name="counters">The lockout engine's failure counters, where registration blocks are kept.</param>
    /// <param name="contracts">The contract store (a token is bound only to a contract that exists).</param>
    /// <param name="unitOfWork">Appends the audit records of failures (a change's own record commits with it, through the token store).</param>
    /// <param name="options">Token settings.</param>
    /// <param name="bizWebOptions">The SDK's settings.</param>
    /// <param name="time">The clock.</param>
    public HardwareTokenInventory(IHardwareTokenStore tokens, ISecretProtector protector, ICredentialCounterStore counters, IContractStore contracts, IAuthUnitOfWork unitOfWork, IOptions<HardwareTokenOptions> options, IOptions<BizWebOptions> bizWebOptions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bizWebOptions);
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _codes = new HardwareTokenCodes(tokens, protector ?? throw new ArgumentNullException(nameof(protector)));
        _contracts = contracts ?? throw new ArgumentNullException(nameof(contracts));
        _unitOfWork = unitOfWork ?? throw new ArgumentNullException(nameof(unitOfWork));
        _options = options.Value;
        _counters = new HardwareTokenRegistrationCounters(counters ?? throw new ArgumentNullException(nameof(counters)), _options, bizWebOptions.Value);
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Imports every key package of a PSKC file, or none (<see cref="PskcImportPolicy.AllOrNothing"/>): see
    /// <see cref="ImportPskcAsync(Stream, PskcDecryptionKey, BankOperator, PskcImportPolicy, IProgress{int}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="pskc">The file; read to the end, not closed.</param>
    /// <param name="key">The pre-shared key, password or private key, or <see cref="PskcDecryptionKey.None"/>.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="progress">Receives the number of key packages read so far (every 100, and at the end).</param>
    /// <param name="cancellationToken">Cancels the import; nothing is imported then.</param>
    /// <returns>The number imported, or the error naming the key package.</returns>
    public Task<PskcImportResult> ImportPskcAsync(Stream pskc, PskcDecryptionKey key, BankOperator bankOperator, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        ImportPskcAsync(pskc, key, bankOperator, PskcImportPolicy.AllOrNothing, progress, cancellationToken);

    /// <summary>
    /// Imports the key packages of a PSKC file (RFC 6030): the file is streamed; its encryption key is matched
    /// with <paramref name="key"/> before anything is decrypted; each encrypted value's MAC is checked in
    /// constant time before it is decrypted; each seed is encrypted for storage at once, and the tokens are added
    /// in one atomic step at the end (nothing is ever half-written). Tokens: TOTP
    /// (<c>urn:ietf:params:xml:ns:keyprov:pskc:totp</c>, 6–8 digits, <c>Suite</c> HMAC-SHA1/256/512,
    /// <c>TimeInterval</c>, <c>TimeDrift</c>, plain or encrypted), HOTP (<c>…pskc:hotp</c>, the same digits and
    /// suites, <c>Counter</c> plain or encrypted: the next counter the token shows; an
    /// <see cref="HardwareTokenKind.Hotp"/> token) and OCRA (<c>…pskc#OCRA-1:…</c>, or
    /// <c>…pskc:ocra</c> with the suite in <c>Suite</c>; a Q and optional T data input). A file of which nothing
    /// can be imported is a failure (<see cref="MessageCode.PskcNoImportableKey"/>, or the one reason every key
    /// package shares).
    /// </summary>
    /// <param name="pskc">The file; read to the end, not closed.</param>
    /// <param name="key">The pre-shared key, password or private key, or <see cref="PskcDecryptionKey.None"/>.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="policy">All or nothing, or import the supported keys and list the skipped ones.</param>
    /// <param name="progress">Receives the number of key packages read so far (every 100, and at the end).</param>
    /// <param name="cancellationToken">Cancels the import; nothing is imported then.</param>
    /// <returns>The number imported and the key packages skipped, or the error naming the key package.</returns>
    public async Task<PskcImportResult> ImportPskcAsync(Stream pskc, PskcDecryptionKey key, BankOperator bankOperator, PskcImportPolicy policy, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        var actor = bankOperator.Actor;
        ArgumentNullException.ThrowIfNull(pskc);
        ArgumentNullException.ThrowIfNull(key);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a PSKC import policy.");
        }

        var now = _time.GetUtcNow();
        PskcImportResult result;
        try
        {
            var mode = policy == PskcImportPolicy.SkipUnsupported ? PskcImport.Mode.SkipUnsupported : PskcImport.Mode.AllOrNothing;
            var import = await PskcImport.ReadAsync(pskc, key, mode, seed => _codes.ProtectSeed(seed), now, progress, cancellationToken).ConfigureAwait(false);
            result = await AddAsync(import, policy, ImportEntry, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return result;
            }
        }
        catch (PskcException e)
        {
            result = PskcImportResult.Failure(e.Code, e.KeyPackageNumber, e.KeyPackageName, e.Message);
        }

        await TokenAudit.AppendAsync(_unitOfWork, ImportEntry(result), cancellationToken).ConfigureAwait(false);
        return result;

        AuditEntry ImportEntry(PskcImportResult outcome) => new()
        {
            At = now,
            Actor = actor,
            Action = outcome.Succeeded ? TokenAudit.HardwareTokensImported : TokenAudit.HardwareTokenImportFailed,
            Outcome = outcome.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Failed,
            Detail = outcome.ToString(),
        };
    }

    /// <summary>
    /// Reads a PSKC file as <see cref="ImportPskcAsync(Stream, PskcDecryptionKey, BankOperator, PskcImportPolicy, IProgress{int}?, CancellationToken)"/>
    /// does — the key matched, every MAC checked, every seed decrypted and judged, then zeroed — and stores
    /// nothing: every key package with its serial number, kind, algorithm and, when it cannot be imported, why
    /// (including serial numbers in the inventory already, looked up one by one).
    /// </summary>
    /// <param name="pskc">The file; read to the end, not closed.</param>
    /// <param name="key">The pre-shared key, password or private key, or <see cref="PskcDecryptionKey.None"/>.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="progress">Receives the number of key packages read so far (every 100, and at the end).</param>
    /// <param name="cancellationToken">Cancels the preview.</param>
    /// <returns>The key packages, or the problem of the file.</returns>
    public async Task<PskcPreview> PreviewPskcAsync(Stream pskc, PskcDecryptionKey key, BankOperator bankOperator, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        ArgumentNullException.ThrowIfNull(pskc);
        ArgumentNullException.ThrowIfNull(key);
        PskcImport import;
        try
        {
            import = await PskcImport.ReadAsync(pskc, key, PskcImport.Mode.Preview, null, _time.GetUtcNow(), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (PskcException e)
        {
            return PskcPreview.Failure([], e.Code, e.KeyPackageNumber is { } n ? $"Key package #{n}: {e.Message}" : e.Message);
        }

        var packages = import.KeyPackages;
        for (var i = 0; i < packages.Count; i++)
        {
            var package = packages[i];
            if (package.IsImportable && await _tokens.FindAsync(package.SerialNumber!, cancellationToken).ConfigureAwait(false) is not null)
            {
                packages[i] = PskcImport.InInventory(package);
            }
        }

        return PskcPreview.Of(packages);
    }

    /// <summary>
    /// Creates a software TOTP token (CSPRNG seed of the hash's length) in the inventory and returns its
    /// <c>otpauth://</c> URI once (made with Otp.NET); the administrator then registers it like a hardware token.
    /// </summary>
    /// <param name="serialNumber">The serial number to give it (unique in the inventory).</param>
    /// <param name="issuer">The issuer shown in the authenticator app, e.g. the bank's name.</param>
    /// <param name="accountName">The account shown in the app, e.g. the contract id and user id.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="algorithm">The hash; SHA-1 is what most apps support.</param>
    /// <param name="digits">6 or 8.</param>
    /// <param name="periodSeconds">30 or 60.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The provisioning, or <see cref="MessageCode.PskcDuplicateSerialNumber"/>.</returns>
    public async ValueTask<AuthResult<SoftwareTokenProvisioning>> CreateSoftwareTokenAsync(string serialNumber, string issuer, string accountName, BankOperator bankOperator, OtpHashAlgorithm algorithm = OtpHashAlgorithm.Sha1, int digits = 6, int periodSeconds = 30, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        var actor = bankOperator.Actor;
        ArgumentException.ThrowIfNullOrWhiteSpace(serialNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, Hotp.MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, Hotp.MaxDigits);
        if (periodSeconds is not (30 or 60))
        {
            throw new ArgumentOutOfRangeException(nameof(periodSeconds), periodSeconds, "The period is 30 or 60 seconds.");
        }

        var now = _time.GetUtcNow();
        var seed = RandomNumberGenerator.GetBytes(Hotp.MacLength(algorithm));
        try
        {
            var token = new HardwareToken
            {
                SerialNumber = serialNumber,
                ProtectedSeed = _codes.ProtectSeed(seed),
                Algorithm = algorithm,
                Digits = digits,
                PeriodSeconds = periodSeconds,
                Manufacturer = "software",
                ImportedAt = now,
            };
            var created = TokenAudit.Record(Entry(actor, null, now, TokenAudit.SoftwareTokenCreated, AuditOutcome.Succeeded, $"token {serialNumber}"));
            if ((await _tokens.AddAllAsync([token], created, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return AuthResult.Fail<SoftwareTokenProvisioning>(MessageCode.PskcDuplicateSerialNumber);
            }

            var mode = algorithm switch
            {
                OtpHashAlgorithm.Sha256 => OtpHashMode.Sha256,
                OtpHashAlgorithm.Sha512 => OtpHashMode.Sha512,
                _ => OtpHashMode.Sha1,
            };
            var uri = new OtpUri(OtpType.Totp, seed, accountName, issuer, mode, digits, periodSeconds).ToString();
            return AuthResult.Ok(new SoftwareTokenProvisioning(serialNumber, uri));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The token with <paramref name="serialNumber"/>, or <see langword="null"/>.</summary>
    /// <param name="serialNumber">The serial number.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token (its seed encrypted).</returns>
    public ValueTask<HardwareToken?> FindAsync(string serialNumber, CancellationToken cancellationToken = default) =>
        _tokens.FindAsync(serialNumber, cancellationToken);

    /// <summary>A page of the inventory, by serial number.</summary>
    /// <param name="skip">Tokens to skip.</param>
    /// <param name="take">Tokens to return at most.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens (their seeds encrypted).</returns>
    public ValueTask<IReadOnlyList<HardwareToken>> ListAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return _tokens.ListAsync(skip, take, cancellationToken);
    }

    /// <summary>
    /// Binds a token in stock to the contract it is shipped to: from then on only that contract's
    /// administrator can register it (any other contract is answered as for a wrong code). Binding again
    /// moves it to another contract.
    /// </summary>
    /// <param name="serialNumber">The token.</param>
    /// <param name="contractId">The contract that receives it.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; <see cref="MessageCode.HardwareTokenNotFound"/>; <see cref="MessageCode.ContractNotFound"/>; <see cref="MessageCode.HardwareTokenNotInStock"/>.</returns>
    public async ValueTask<AuthResult> BindAsync(string serialNumber, ContractId contractId, BankOperator bankOperator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        var actor = bankOperator.Actor;
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        IdGuard.Require(contractId);
        if (await _contracts.FindAsync(contractId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AuthResult.Fail(MessageCode.ContractNotFound);
        }

        return await SetBindingAsync(serialNumber, contractId, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a token's binding: it is in stock for any contract again (unless <see cref="HardwareTokenOptions.RequireBinding"/>).</summary>
    /// <param name="serialNumber">The token.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; <see cref="MessageCode.HardwareTokenNotFound"/>; <see cref="MessageCode.HardwareTokenNotInStock"/>.</returns>
    public ValueTask<AuthResult> UnbindAsync(string serialNumber, BankOperator bankOperator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        var actor = bankOperator.Actor;
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        return SetBindingAsync(serialNumber, null, actor, cancellationToken);
    }

    /// <summary>
    /// Whether registrations of <paramref name="serialNumber"/> are blocked: its wrong codes reached
    /// <see cref="HardwareTokenOptions.RegistrationFailureLimit"/>.
    /// </summary>
    /// <param name="serialNumber">The serial number.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it is blocked.</returns>
    public ValueTask<bool> IsRegistrationBlockedAsync(string serialNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        return _counters.IsBlockedAsync(serialNumber, _time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Releases a token blocked for registration (after the bank has checked the audit trail of its
    /// failed registrations): its count of wrong codes starts from zero again.
    /// </summary>
    /// <param name="serialNumber">The token.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; <see cref="MessageCode.HardwareTokenNotFound"/>; <see cref="MessageCode.HardwareTokenNotBlocked"/>; <see cref="MessageCode.ConcurrencyConflict"/>.</returns>
    public async ValueTask<AuthResult> ReleaseRegistrationBlockAsync(string serialNumber, BankOperator bankOperator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        var actor = bankOperator.Actor;
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        var now = _time.GetUtcNow();
        var token = await _tokens.FindAsync(serialNumber, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return AuthResult.Fail(MessageCode.HardwareTokenNotFound);
        }

        if (!await _counters.IsBlockedAsync(serialNumber, now, cancellationToken).ConfigureAwait(false))
        {
            return AuthResult.Fail(MessageCode.HardwareTokenNotBlocked);
        }

        var changes = new AuthChanges()
            .ResetCounter(HardwareTokenRegistrationCounters.SerialKey(serialNumber))
            .Append(Entry(actor, token.Owner, now, TokenAudit.HardwareTokenRegistrationReleased, AuditOutcome.Succeeded, $"token {serialNumber}"));
        return await _unitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Success
            : AuthResult.Fail(MessageCode.ConcurrencyConflict);
    }

    /// <summary>
    /// Unregisters a lost (or broken) token: it is retired, never accepted or registered again, and its
    /// user has no token until the administrator registers a new one.
    /// </summary>
    /// <param name="serialNumber">The token.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="MessageCode.HardwareTokenNotFound"/> (unknown or retired already).</returns>
    public async ValueTask<AuthResult> UnregisterAsync(string serialNumber, BankOperator bankOperator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        var actor = bankOperator.Actor;
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        var now = _time.GetUtcNow();
        var before = await _tokens.TryRetireAsync(
            serialNumber,
            now,
            token => TokenAudit.Record(Entry(actor, token.Owner, now, TokenAudit.HardwareTokenUnregistered, AuditOutcome.Succeeded, $"token {serialNumber}")),
            cancellationToken).ConfigureAwait(false);
        return before is null ? AuthResult.Fail(MessageCode.HardwareTokenNotFound) : AuthResult.Success;
    }

    /// <summary>
    /// Resynchronises a registered token that drifted beyond the verification window: the bank asks
    /// for two consecutive codes, finds them within <see cref="HardwareTokenOptions.ResynchronizationWindow"/>
    /// steps (TOTP; the drift is remembered) or within <see cref="HardwareTokenOptions.HotpResynchronizationWindow"/>
    /// counters after the next one (HOTP whose button was pressed many times; the counter moves past the second
    /// code). Both codes are used up.
    /// </summary>
    /// <param name="serialNumber">The token.</param>
    /// <param name="firstCode">A code shown by the token.</param>
    /// <param name="secondCode">The next code it shows.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; <see cref="MessageCode.HardwareTokenNotFound"/>; <see cref="MessageCode.OneTimePasswordMalformed"/>; <see cref="MessageCode.HardwareTokenResyncFailed"/>.</returns>
    public async ValueTask<AuthResult> ResynchronizeAsync(string serialNumber, string firstCode, string secondCode, BankOperator bankOperator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        var actor = bankOperator.Actor;
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        var token = await _tokens.FindAsync(serialNumber, cancellationToken).ConfigureAwait(false);
        if (token is not { Status: HardwareTokenStatus.Assigned, Owner: { } owner })
        {
            return AuthResult.Fail(MessageCode.HardwareTokenNotFound);
        }

        if (OneTimePasswordInput.Check(firstCode, token.Digits) is { } first)
        {
            return AuthResult.Fail([first.Error!]);
        }

        if (OneTimePasswordInput.Check(secondCode, token.Digits) is { } second)
        {
            return AuthResult.Fail([second.Error!]);
        }

        var now = _time.GetUtcNow();
        var hotp = token.Kind == HardwareTokenKind.Hotp;
        var window = hotp ? _options.HotpResynchronizationWindow : _options.ResynchronizationWindow;
        if (!_codes.MatchConsecutive(token, firstCode, secondCode, now, window, out var factor, out var drift)
            || !await _tokens.TryRecordUseAsync(
                serialNumber,
                owner,
                factor,
                drift,
                TokenAudit.Record(Entry(actor, owner, now, TokenAudit.HardwareTokenResynchronized, AuditOutcome.Succeeded, hotp ? $"token {serialNumber}: counter {token.Counter} -> {factor + 1}" : $"token {serialNumber}: drift {drift} steps")),
                cancellationToken).ConfigureAwait(false))
        {
            await AuditAsync(actor, owner, now, TokenAudit.HardwareTokenResynchronized, AuditOutcome.Failed, $"token {serialNumber}", cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail(MessageCode.HardwareTokenResyncFailed);
        }

        return AuthResult.Success;
    }

    private async ValueTask<AuthResult> SetBindingAsync(string serialNumber, ContractId? contractId, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var (action, detail) = contractId is { } bound
            ? (TokenAudit.HardwareTokenBound, $"token {serialNumber} bound to {bound}")
            : (TokenAudit.HardwareTokenUnbound, $"token {serialNumber} unbound");
        var before = await _tokens.TryBindAsync(
            serialNumber,
            contractId,
            token => TokenAudit.Record(Entry(actor, contractId is { } c ? PrincipalId.Administrator(c) : null, now, action, AuditOutcome.Succeeded, token.BoundContractId is { } previous ? $"{detail} (was {previous})" : detail)),
            cancellationToken).ConfigureAwait(false);
        if (before is not null)
        {
            return AuthResult.Success;
        }

        return AuthResult.Fail(await _tokens.FindAsync(serialNumber, cancellationToken).ConfigureAwait(false) is null
            ? MessageCode.HardwareTokenNotFound
            : MessageCode.HardwareTokenNotInStock);
    }

    /// <summary>
    /// Adds the tokens read in one atomic step with the record of their import. With
    /// <see cref="PskcImportPolicy.SkipUnsupported"/> serial numbers in the inventory already are skipped and
    /// the others added again (up to <see cref="MaxAddAttempts"/> times, as another import may add some meanwhile).
    /// </summary>
    private async Task<PskcImportResult> AddAsync(PskcImport import, PskcImportPolicy policy, Func<PskcImportResult, AuditEntry> entry, CancellationToken cancellationToken)
    {
        var tokens = import.Tokens;
        var packages = import.Importable;
        var skipped = import.KeyPackages;
        for (var attempt = 1; ; attempt++)
        {
            if (tokens.Count == 0)
            {
                return NothingImportable(skipped);
            }

            var success = PskcImportResult.Success(tokens.Count, [.. skipped.OrderBy(p => p.Number)]);
            var existing = await _tokens.AddAllAsync(tokens, TokenAudit.Record(entry(success)), cancellationToken).ConfigureAwait(false);
            if (existing.Count == 0)
            {
                return success;
            }

            var inInventory = existing.ToHashSet(StringComparer.Ordinal);
            var first = packages[tokens.FindIndex(t => inInventory.Contains(t.SerialNumber))];
            if (policy == PskcImportPolicy.AllOrNothing || attempt == MaxAddAttempts)
            {
                return PskcImportResult.Failure(MessageCode.PskcDuplicateSerialNumber, first.Number, first.SerialNumber, $"{existing.Count} serial number(s) are in the inventory already.");
            }

            var keep = tokens.Select((token, i) => (token, package: packages[i])).ToList();
            skipped = [.. skipped, .. keep.Where(k => inInventory.Contains(k.token.SerialNumber)).Select(k => PskcImport.InInventory(k.package))];
            keep.RemoveAll(k => inInventory.Contains(k.token.SerialNumber));
            tokens = [.. keep.Select(k => k.token)];
            packages = [.. keep.Select(k => k.package)];
        }
    }

    /// <summary>Nothing to import: the reason every key package shares, or <see cref="MessageCode.PskcNoImportableKey"/>.</summary>
    private static PskcImportResult NothingImportable(List<PskcKeyPackageSummary> skipped)
    {
        var ordered = skipped.OrderBy(p => p.Number).ToList();
        if (ordered.Count == 0)
        {
            return PskcImportResult.Failure(MessageCode.PskcNoImportableKey, null, null, "The file holds no key package.");
        }

        var first = ordered[0];
        return ordered.Select(p => p.Error!.Code).Distinct().Count() == 1
            ? PskcImportResult.Failure(first.Error!.Code, first.Number, first.SerialNumber, ordered.Count == 1 ? first.Detail! : $"{first.Detail} (and {ordered.Count - 1} more key packages skipped alike)", ordered)
            : PskcImportResult.Failure(MessageCode.PskcNoImportableKey, null, null, $"Every key package ({ordered.Count}) was skipped, for different reasons.", ordered);
    }

    private static AuditEntry Entry(AuditActor actor, PrincipalId? subject, DateTimeOffset now, string action, AuditOutcome outcome, string detail) =>
        new() { At = now, Actor = actor, Action = action, Subject = subject, Outcome = outcome, Detail = detail };

    private ValueTask AuditAsync(AuditActor actor, PrincipalId? subject, DateTimeOffset now, string action, AuditOutcome outcome, string detail, CancellationToken cancellationToken) =>
        TokenAudit.AppendAsync(_unitOfWork, Entry(actor, subject, now, action, outcome, detail), cancellationToken);
}
