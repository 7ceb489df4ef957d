using BizWeb.Auth;
using Microsoft.Extensions.Options;

namespace BizWeb.Tokens;

/// <summary>
/// トークン登録 (P.15): the administrator registers a hardware token to one of the contract's users
/// with the token's serial number, the code it shows now (proving possession and synchronising its
/// clock) and the confirmation PIN ④. One token per user: registering another retires the old one.
/// </summary>
public sealed class HardwareTokenRegistration
{
    private readonly AdminAuthorization _authorization;
    private readonly IUserStore _users;
    private readonly IHardwareTokenStore _tokens;
    private readonly HardwareTokenCodes _codes;
    private readonly IAuthUnitOfWork _unitOfWork;
    private readonly HardwareTokenOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="authorization">Verifies ④ with lockout.</param>
    /// <param name="users">The user store.</param>
    /// <param name="tokens">The token inventory.</param>
    /// <param name="protector">Decrypts seeds.</param>
    /// <param name="unitOfWork">Appends the audit records of refusals (a registration's own record commits with it, through the token store).</param>
    /// <param name="options">Token settings.</param>
    /// <param name="time">The clock.</param>
    public HardwareTokenRegistration(AdminAuthorization authorization, IUserStore users, IHardwareTokenStore tokens, ISecretProtector protector, IAuthUnitOfWork unitOfWork, IOptions<HardwareTokenOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _authorization = authorization ?? throw new ArgumentNullException(nameof(authorization));
        _users = users ?? throw new ArgumentNullException(nameof(users));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _codes = new HardwareTokenCodes(tokens, protector ?? throw new ArgumentNullException(nameof(protector)));
        _unitOfWork = unitOfWork ?? throw new ArgumentNullException(nameof(unitOfWork));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Registers token <paramref name="serialNumber"/> to <paramref name="userId"/> after verifying ④
    /// (failures count toward the contract lock) and the token's current code (searched over
    /// <see cref="HardwareTokenOptions.RegistrationWindow"/> steps; the code is then used up).
    /// </summary>
    /// <param name="administrator">The signed-in administrator.</param>
    /// <param name="userId">The user who receives the token.</param>
    /// <param name="serialNumber">The serial number on the token.</param>
    /// <param name="currentCode">The code the token shows now.</param>
    /// <param name="confirmationPin">The administrator's confirmation PIN ④.</param>
    /// <param name="actor">Who acts, and from where.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success; the errors of <see cref="AdminAuthorization.VerifyConfirmationPinAsync"/>;
    /// <see cref="MessageCode.UserNotFound"/>; <see cref="MessageCode.HardwareTokenUnavailable"/> (unknown,
    /// retired or someone else's token); <see cref="MessageCode.OneTimePasswordMalformed"/> or
    /// <see cref="MessageCode.OneTimePasswordLength"/>; <see cref="MessageCode.OneTimePasswordIncorrect"/>.
    /// </returns>
    public async ValueTask<AuthResult> RegisterAsync(PrincipalId administrator, UserId userId, string serialNumber, string currentCode, string confirmationPin, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var authorised = await _authorization.VerifyConfirmationPinAsync(administrator, confirmationPin, actor, cancellationToken).ConfigureAwait(false);
        if (!authorised.Succeeded)
        {
            return authorised;
        }

        var user = await _users.FindAsync(administrator.ContractId, userId, cancellationToken).ConfigureAwait(false);
        if (user is null || user.State == UserState.Deleted)
        {
            return AuthResult.Fail(MessageCode.UserNotFound);
        }

        if (!DigitInput.IsAsciiDigits(currentCode))
        {
            return AuthResult.Fail([DigitInput.Malformed(currentCode).Error!]);
        }

        var now = _time.GetUtcNow();
        var token = string.IsNullOrEmpty(serialNumber) ? null : await _tokens.FindAsync(serialNumber, cancellationToken).ConfigureAwait(false);
        if (token is not { Status: HardwareTokenStatus.InStock })
        {
            await AuditAsync(actor, user.Principal, now, AuditOutcome.Refused, nameof(MessageCode.HardwareTokenUnavailable), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail(MessageCode.HardwareTokenUnavailable);
        }

        if (currentCode.Length != token.Digits)
        {
            return AuthResult.Fail(MessageCode.OneTimePasswordLength);
        }

        var current = token.StepAt(now);
        if (!_codes.Match(token, currentCode, current + token.Drift, _options.RegistrationWindow, out var step))
        {
            await AuditAsync(actor, user.Principal, now, AuditOutcome.Failed, $"token {token.SerialNumber}: {nameof(MessageCode.OneTimePasswordIncorrect)}", cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail(MessageCode.OneTimePasswordIncorrect);
        }

        // The assignment and its audit record commit in one atomic step; the record names the token it replaced.
        var assignment = await _tokens.TryAssignAsync(
            token.SerialNumber,
            user.Principal,
            step,
            checked((int)(step - current)),
            now,
            a => TokenAudit.Record(Entry(actor, user.Principal, now, AuditOutcome.Succeeded, a.ReplacedSerialNumber is { } replaced ? $"token {token.SerialNumber} replaces {replaced}" : $"token {token.SerialNumber}")),
            cancellationToken).ConfigureAwait(false);
        return assignment.Assigned ? AuthResult.Success : AuthResult.Fail(MessageCode.HardwareTokenUnavailable);
    }

    private static AuditEntry Entry(AuditActor actor, PrincipalId subject, DateTimeOffset now, AuditOutcome outcome, string detail) => new()
    {
        At = now,
        Actor = actor,
        Action = outcome == AuditOutcome.Succeeded ? TokenAudit.HardwareTokenRegistered : TokenAudit.HardwareTokenRegistrationFailed,
        Subject = subject,
        Outcome = outcome,
        Detail = detail,
    };

    private ValueTask AuditAsync(AuditActor actor, PrincipalId subject, DateTimeOffset now, AuditOutcome outcome, string detail, CancellationToken cancellationToken) =>
        TokenAudit.AppendAsync(_unitOfWork, Entry(actor, subject, now, outcome, detail), cancellationToken);
}
