using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace BizWeb.Auth;

/// <summary>User login (利用者8-1 … 8-3): client certificate (CN contract id + user id + bank code) → login PIN ⑤ → signed in.</summary>
public sealed class UserSignIn
{
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly PinGuard _pins;
    private readonly CertificateGate _gate;
    private readonly ILogger _logger;

    internal UserSignIn(Committer commits, AuditWriter audit, PinGuard pins, CertificateGate gate, ILoggerFactory? loggerFactory = null)
    {
        _commits = commits;
        _audit = audit;
        _pins = pins;
        _gate = gate;
        _logger = AuthLog.Logger(loggerFactory);
    }

    /// <summary>利用者8-2: the login PIN after the certificate was selected.</summary>
    /// <param name="clientCertificate">The TLS client certificate.</param>
    /// <param name="loginPin">The login PIN typed.</param>
    /// <param name="actor">Who acts (anonymous, with the client address).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The sign-in; or <see cref="MessageCode.CertificateNotAccepted"/>, <see cref="MessageCode.UserSignInFailed"/>,
    /// <see cref="MessageCode.UserLocked"/>, <see cref="MessageCode.AccidentRegistered"/>,
    /// <see cref="MessageCode.ContractNotActive"/>, <see cref="MessageCode.ActivationRequired"/>.
    /// </returns>
    public async ValueTask<AuthResult<SignedInPrincipal>> SignInAsync(X509Certificate2? clientCertificate, string? loginPin, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var record = await _gate.AuthenticateAsync(clientCertificate, administrator: false, actor, "UserSignIn", cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Counted(AuthResult.Fail<SignedInPrincipal>(MessageCode.CertificateNotAccepted));
        }

        if (string.IsNullOrEmpty(loginPin))
        {
            return AuthResult.Fail<SignedInPrincipal>(MessageCode.PinRequired);
        }

        var p = record.Principal;
        var check = await _pins.CheckUserPinAsync(p.ContractId, p.UserId!.Value, Credential.UserLoginPin, loginPin, actor, "UserSignIn", cancellationToken, resetInCallersCommit: true, loaded: record).ConfigureAwait(false);
        if (!check.Verified)
        {
            return Counted(AuthResult.Fail<SignedInPrincipal>(check.Errors(MessageCode.UserSignInFailed, MessageCode.UserLocked)));
        }

        // The right PIN resets its counter in the commit that records the outcome (one round trip less).
        var (contract, user) = (check.Contract!, check.User!);
        var reset = CounterKey.For(p, Credential.UserLoginPin);
        if (UserGate.Refusal(contract, user) is { } refusal)
        {
            _ = await _commits.CommitAsync(new AuthChanges().ResetCounter(reset).Append(_audit.Entry(actor, "UserSignIn", p, AuditOutcome.Refused, refusal)), cancellationToken).ConfigureAwait(false);
            return Counted(AuthResult.Fail<SignedInPrincipal>(refusal));
        }

        var changes = new AuthChanges().ResetCounter(reset).Append(_audit.Entry(actor, "UserSignIn", p, AuditOutcome.Succeeded));
        if (check.Check!.Renewed is { } renewed)
        {
            changes.Put(user with { LoginPinHash = renewed });
        }

        if (await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) != CommitOutcome.Committed)
        {
            // Only the re-hash can conflict; it waits for the next sign-in.
            _ = await _commits.CommitAsync(new AuthChanges().ResetCounter(reset).Append(changes.Audit[0]), cancellationToken).ConfigureAwait(false);
        }

        return Counted(AuthResult.Ok(SignedInPrincipal.For(p, user.SecurityStamp, clientCertificate!)));
    }

    private AuthResult<SignedInPrincipal> Counted(AuthResult<SignedInPrincipal> result)
    {
        var outcome = result.Succeeded ? "Succeeded" : result.ErrorCode.ToString()!;
        AuthTelemetry.SignIns.Add(1, AuthTelemetry.Tag("principal", "user"), AuthTelemetry.Tag("outcome", outcome));
        AuthLog.SignIn(_logger, "user", outcome);
        return result;
    }
}
