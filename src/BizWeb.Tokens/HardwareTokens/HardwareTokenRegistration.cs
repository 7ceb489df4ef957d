using BizWeb.Auth;
using Microsoft.Extensions.Options;

namespace BizWeb.Tokens;

/// <summary>
/// トークン登録 (P.15): the administrator registers a hardware token to one of the contract's users
/// with the token's serial number, the code it shows now (proving possession and synchronising its
/// clock) and the confirmation PIN ④. One token per user: registering another retires the old one.
/// Guesses are counted before a code is evaluated (<see cref="HardwareTokenOptions.RegistrationFailureLimit"/>
/// per serial number, <see cref="HardwareTokenOptions.ContractRegistrationFailuresPerDay"/> per contract), and
/// every refusal about the token answers alike, so the answers never tell which serial numbers exist.
/// </summary>
public sealed class HardwareTokenRegistration
{
    /// <summary>Judged instead of a seed when the token cannot be registered, so every refusal does the same work.</summary>
    private static readonly byte[] DummySeed = new byte[20];

    private readonly AdminAuthorization _authorization;
    private readonly IUserStore _users;
    private readonly IHardwareTokenStore _tokens;
    private readonly HardwareTokenCodes _codes;
    private readonly HardwareTokenRegistrationCounters _counters;
    private readonly IAuthUnitOfWork _unitOfWork;
    private readonly HardwareTokenOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="authorization">Verifies ④ with lockout.</param>
    /// <param name="users">The user store.</param>
    /// <param name="tokens">The token inventory.</param>
    /// <param name="protector">Decrypts seeds.</param>
    /// <param name="counters">The lockout engine's failure counters, which count wrong registrations too.</param>
    /// <param name="unitOfWork">Appends the audit records of refusals (a registration's own record commits with it, through the token store).</param>
    /// <param name="options">Token settings.</param>
    /// <param name="bizWebOptions">The SDK's settings (the bank's time zone, whose calendar day the contract limit counts).</param>
    /// <param name="time">The clock.</param>
    public HardwareTokenRegistration(AdminAuthorization authorization, IUserStore users, IHardwareTokenStore tokens, ISecretProtector protector, ICredentialCounterStore counters, IAuthUnitOfWork unitOfWork, IOptions<HardwareTokenOptions> options, IOptions<BizWebOptions> bizWebOptions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bizWebOptions);
        _authorization = authorization ?? throw new ArgumentNullException(nameof(authorization));
        _users = users ?? throw new ArgumentNullException(nameof(users));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _codes = new HardwareTokenCodes(tokens, protector ?? throw new ArgumentNullException(nameof(protector)));
        _unitOfWork = unitOfWork ?? throw new ArgumentNullException(nameof(unitOfWork));
        _options = options.Value;
        _counters = new HardwareTokenRegistrationCounters(counters ?? throw new ArgumentNullException(nameof(counters)), _options, bizWebOptions.Value);
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Registers token <paramref name="serialNumber"/> to <paramref name="userId"/> after verifying ④
    /// (failures count toward the contract lock) and the token's current code (a TOTP token's searched over
    /// <see cref="HardwareTokenOptions.RegistrationWindow"/> steps around its drift, an HOTP token's over
    /// <see cref="HardwareTokenOptions.HotpLookAhead"/> counters from its imported counter; the code is then used up).
    /// The attempt is counted for the contract's day and for the serial number before the code is
    /// evaluated; a token that is unknown, not in stock, bound to another contract (or unbound while
    /// <see cref="HardwareTokenOptions.RequireBinding"/> is set) is refused like a wrong code, counted
    /// the same, and its code is never evaluated.
    /// </summary>
    /// <param name="administrator">The signed-in administrator.</param>
    /// <param name="userId">The user who receives the token.</param>
    /// <param name="serialNumber">The serial number on the token.</param>
    /// <param name="currentCode">The code the token shows now.</param>
    /// <param name="confirmationPin">The administrator's confirmation PIN ④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success; the errors of <see cref="AdminAuthorization.VerifyConfirmationPinAsync"/>;
    /// <see cref="MessageCode.UserNotFound"/>; <see cref="MessageCode.OneTimePasswordMalformed"/> or
    /// <see cref="MessageCode.OneTimePasswordLength"/> (not 6–8 half-width digits; not counted);
    /// <see cref="MessageCode.HardwareTokenRegistrationFailed"/> (wrong serial number or code);
    /// <see cref="MessageCode.HardwareTokenRegistrationBlocked"/> (the serial number's limit is reached: by this
    /// failure, or before, when nothing is evaluated); <see cref="MessageCode.HardwareTokenRegistrationLimitReached"/>
    /// (the contract's limit of the day); <see cref="MessageCode.HardwareTokenUnavailable"/> (the right code, but
    /// a parallel request registered the token first).
    /// </returns>
    public async ValueTask<AuthResult> RegisterAsync(SignedInAdministrator administrator, UserId userId, string serialNumber, string currentCode, string confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        var actor = administrator.Actor;
        IdGuard.Require(userId);
        var authorised = await _authorization.VerifyConfirmationPinAsync(administrator, confirmationPin, cancellationToken).ConfigureAwait(false);
        if (!authorised.Succeeded)
        {
            return authorised;
        }

        var user = await _users.FindAsync(administrator.ContractId, userId, cancellationToken).ConfigureAwait(false);
        if (user is null || user.State == UserState.Deleted)
        {
            return AuthResult.Fail(MessageCode.UserNotFound);
        }

        // Input that is no code at all is refused before anything is counted or looked up; the length
        // is checked against what any token shows (6–8), not this token's, which would tell that it exists.
        if (!OneTimePasswordInput.IsAsciiDigits(currentCode))
        {
            return AuthResult.Fail([OneTimePasswordInput.Malformed(currentCode).Error!]);
        }

        if (currentCode.Length is < Hotp.MinDigits or > Hotp.MaxDigits)
        {
            return AuthResult.Fail(MessageCode.OneTimePasswordLength);
        }

        var now = _time.GetUtcNow();
        var subject = user.Principal;
        if (!HardwareTokenRegistrationCounters.CouldExist(serialNumber))
        {
            // No token can have this serial number (empty, too long, control characters): nothing to count.
            await AuditAsync(actor, TokenAudit.HardwareTokenRegistrationFailed, subject, now, AuditOutcome.Refused, "serial number not valid", cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail(MessageCode.HardwareTokenRegistrationFailed);
        }

        // The contract's day first: a contract at its limit can no longer push anyone's serial number
        // towards its block.
        var contractAttempt = await _counters.ReserveContractAsync(administrator.ContractId, now, cancellationToken).ConfigureAwait(false);
        if (!contractAttempt.Reserved)
        {
            await AuditAsync(actor, TokenAudit.HardwareTokenRegistrationFailed, subject, now, AuditOutcome.Refused, nameof(MessageCode.HardwareTokenRegistrationLimitReached), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail(MessageCode.HardwareTokenRegistrationLimitReached);
        }

        var serialAttempt = await _counters.ReserveSerialAsync(serialNumber, now, cancellationToken).ConfigureAwait(false);
        var token = await _tokens.FindAsync(serialNumber, cancellationToken).ConfigureAwait(false);
        var named = token is null ? "unknown serial number" : $"token {token.SerialNumber}";
        if (!serialAttempt.Reserved)
        {
            // Blocked, or the last attempt is being evaluated by another request: either way not evaluated.
            await AuditAsync(actor, TokenAudit.HardwareTokenRegistrationFailed, subject, now, AuditOutcome.Refused, $"{named}: {nameof(MessageCode.HardwareTokenRegistrationBlocked)}", cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail(MessageCode.HardwareTokenRegistrationBlocked);
        }

        long factor = 0;
        var drift = 0;
        var registrable = token is { Status: HardwareTokenStatus.InStock }
            && (token.BoundContractId is { } bound ? bound == administrator.ContractId : !_options.RequireBinding);
        bool matched;
        if (registrable)
        {
            var window = token!.Kind == HardwareTokenKind.Hotp ? _options.HotpLookAhead : _options.RegistrationWindow;
            // A token in stock has used no code of its own; a code of its last counter (HOTP) is wrong here.
            matched = _codes.Match(token, currentCode, now, window, out factor, out drift) == TokenCodeMatch.Matched;
        }
        else
        {
            _ = TotpVerifier.TryMatch(DummySeed, currentCode, OtpHashAlgorithm.Sha1, currentCode.Length, 0, _options.RegistrationWindow, long.MinValue, out _);
            matched = false;
        }

        if (matched)
        {
            // The assignment, the reset of the serial number's counter and the audit record commit in
            // one atomic step; the record names the token it replaced.
            var assignment = await _tokens.TryAssignAsync(
                token!.SerialNumber,
                user.Principal,
                factor,
                drift,
                now,
                a => TokenAudit.Record(Entry(actor, TokenAudit.HardwareTokenRegistered, user.Principal, now, AuditOutcome.Succeeded, a.ReplacedSerialNumber is { } replaced ? $"token {token.SerialNumber} replaces {replaced}" : $"token {token.SerialNumber}"))
                    .ResetCounter(HardwareTokenRegistrationCounters.SerialKey(token.SerialNumber)),
                cancellationToken).ConfigureAwait(false);
            if (!assignment.Assigned)
            {
                return AuthResult.Fail(MessageCode.HardwareTokenUnavailable);
            }

            await _counters.RecordContractRegistrationAsync(administrator.ContractId, now, cancellationToken).ConfigureAwait(false);
            return AuthResult.Success;
        }

        var why = registrable ? nameof(MessageCode.OneTimePasswordIncorrect) : token is null ? "not in the inventory" : $"not registrable ({token.Status}{(token.BoundContractId is null ? ", unbound" : ", bound")})";
        var blocked = serialAttempt.Failures >= _options.RegistrationFailureLimit;
        var changes = new AuthChanges().Append(Entry(actor, TokenAudit.HardwareTokenRegistrationFailed, subject, now, AuditOutcome.Failed, $"{named}: {why}; failure {serialAttempt.Failures} of the serial number, {contractAttempt.Failures} of the contract today"));
        if (blocked)
        {
            changes.Append(Entry(AuditActor.System, TokenAudit.HardwareTokenRegistrationBlocked, PrincipalId.Administrator(administrator.ContractId), now, AuditOutcome.Succeeded, $"{named}: blocked for registration after {serialAttempt.Failures} wrong codes"));
        }

        _ = await _unitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        return AuthResult.Fail(blocked ? MessageCode.HardwareTokenRegistrationBlocked : MessageCode.HardwareTokenRegistrationFailed);
    }

    private static AuditEntry Entry(AuditActor actor, string action, PrincipalId subject, DateTimeOffset now, AuditOutcome outcome, string detail) => new()
    {
        At = now,
        Actor = actor,
        Action = action,
        Subject = subject,
        Outcome = outcome,
        Detail = detail,
    };

    private ValueTask AuditAsync(AuditActor actor, string action, PrincipalId subject, DateTimeOffset now, AuditOutcome outcome, string detail, CancellationToken cancellationToken) =>
        TokenAudit.AppendAsync(_unitOfWork, Entry(actor, action, subject, now, outcome, detail), cancellationToken);
}
