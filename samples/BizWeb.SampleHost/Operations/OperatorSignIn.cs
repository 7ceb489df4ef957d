using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Tokens;
using OtpNet;
using Microsoft.Extensions.Options;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// Operator sign-in: id + password + TOTP code, with the SDK's primitives. Like the SDK's own
/// credentials, an attempt is reserved in the shared <see cref="ICredentialCounterStore"/> before the
/// guess is evaluated, so parallel requests on several instances evaluate at most 7 (the SDK's
/// <c>Lockout:MaxConsecutiveFailures</c>) before the operator is locked; an unknown id is counted
/// too and verified against the hasher's dummy hash, so neither answer nor timing tells which ids
/// exist. The second factor is RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30 s, what authenticator apps and
/// <c>oathtool --totp</c> understand) matched by the SDK's public <see cref="TotpVerifier"/>; the matched
/// step is reserved with limit 1 (and the earlier steps of the window with it), so a code is accepted
/// once across all instances.
/// </summary>
internal sealed class OperatorSignIn(
    OperatorDirectory directory,
    IPinHasher hasher,
    ISecretProtector protector,
    ICredentialCounterStore counters,
    OperatorAudit audit,
    TimeProvider time,
    IOptions<BizWebOptions> options,
    ILogger<OperatorSignIn> logger)
{
    /// <summary>The data-protection purpose of the operators' TOTP seeds.</summary>
    public const string SeedPurpose = "BizWeb.SampleHost.OperatorTotp";

    /// <summary>The code length.</summary>
    public const int Digits = 6;

    /// <summary>The tolerated clock drift, in 30-second steps on each side.</summary>
    public const int Window = 1;

    private const int SeedLength = 20;
    private const string Issuer = "BizWeb operations";

    /// <summary>A new random TOTP seed (20 bytes, the RFC 4226 length for HMAC-SHA-1).</summary>
    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedLength);

    /// <summary>The <c>otpauth://</c> URI for an authenticator app, made with Otp.NET as the SDK makes its software tokens' URIs.</summary>
    public static string ProvisioningUri(byte[] seed, string operatorId) =>
        new OtpUri(OtpType.Totp, seed, operatorId, Issuer, OtpHashMode.Sha1, Digits, TotpVerifier.DefaultPeriodSeconds).ToString();

    public async Task<OperatorSignInOutcome> SignInAsync(string? operatorId, string? password, string? code, string? clientAddress, CancellationToken cancellationToken)
    {
        var limit = OperatorCounters.Limit(options.Value);
        var now = time.GetUtcNow();
        var id = operatorId?.Trim() ?? string.Empty;
        var known = OperatorDirectory.IsValidId(id) ? directory.Find(id) : null;
        var actor = known is null ? AuditActor.Anonymous(clientAddress) : AuditActor.BankOperator(known.Id, clientAddress);
        AttemptReservation reservation = new(true, 0);
        string? counter = null;
        if (OperatorDirectory.IsValidId(id))
        {
            counter = known is null ? OperatorCounters.UnknownFailures(id) : OperatorCounters.Failures(id);
            reservation = await counters.TryReserveAttemptAsync(counter, limit, now, known is null ? now + OperatorCounters.UnknownOperatorWindow : null, cancellationToken);
            if (!reservation.Reserved)
            {
                await audit.AppendAsync(actor, "OperatorSignInRefused", AuditOutcome.Refused, "locked", cancellationToken: cancellationToken);
                return OperatorSignInOutcome.Locked;
            }
        }

        // Both factors are always evaluated (a dummy hash and a throw-away seed for an unknown id).
        var passwordMatches = hasher.VerifyPin(password ?? string.Empty, known?.PasswordHash) != PinVerificationResult.Failed;
        var seed = known is null ? NewSeed() : protector.Unprotect(Convert.FromBase64String(known.ProtectedTotpSeed), SeedPurpose);
        bool codeMatches;
        long step;
        try
        {
            codeMatches = TotpVerifier.TryMatch(seed, code, OtpHashAlgorithm.Sha1, Digits, TotpVerifier.TimeStepAt(TimeProvider.System.GetUtcNow()), Window, long.MinValue, out step);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }

        if (known is not null && passwordMatches && codeMatches)
        {
            if (await TryUseStepAsync(known.Id, step, now, cancellationToken))
            {
                await counters.ResetAsync(counter!, cancellationToken);
                await audit.AppendAsync(actor, "OperatorSignedIn", AuditOutcome.Succeeded, cancellationToken: cancellationToken);
                OperationsLog.OperatorSignedIn(logger, known.Id);
                return OperatorSignInOutcome.SignedIn;
            }

            OperationsLog.OperatorCodeReplayed(logger, known.Id);
        }

        var detail = known is null ? "unknown operator" : !passwordMatches ? "password" : codeMatches ? "code replayed" : "code";
        await audit.AppendAsync(actor, "OperatorSignInFailed", AuditOutcome.Failed, detail, cancellationToken: cancellationToken);
        OperationsLog.OperatorSignInFailed(logger, reservation.Failures);
        if (counter is not null && reservation.Failures >= limit)
        {
            if (known is not null)
            {
                await audit.AppendAsync(actor, "OperatorLocked", AuditOutcome.Refused, $"{reservation.Failures} consecutive failures", cancellationToken: cancellationToken);
                OperationsLog.OperatorLocked(logger, known.Id, reservation.Failures);
            }

            return OperatorSignInOutcome.Locked;
        }

        return OperatorSignInOutcome.Failed;
    }

    /// <summary>Whether the operator is locked now (a signed-in session of a locked operator ends).</summary>
    public async Task<bool> IsLockedAsync(string operatorId, CancellationToken cancellationToken) =>
        await counters.GetFailuresAsync(OperatorCounters.Failures(operatorId), time.GetUtcNow(), cancellationToken) >= OperatorCounters.Limit(options.Value);

    /// <summary>The current consecutive failures of an operator.</summary>
    public async Task<int> FailuresAsync(string operatorId, CancellationToken cancellationToken) =>
        await counters.GetFailuresAsync(OperatorCounters.Failures(operatorId), time.GetUtcNow(), cancellationToken);

    /// <summary>Clears an operator's failures (another operator unlocks him).</summary>
    public async Task UnlockAsync(string operatorId, AuditActor by, CancellationToken cancellationToken)
    {
        await counters.ResetAsync(OperatorCounters.Failures(operatorId), cancellationToken);
        await audit.AppendAsync(by, "OperatorUnlocked", AuditOutcome.Succeeded, $"operator {operatorId}", cancellationToken: cancellationToken);
        OperationsLog.OperatorUnlocked(logger, by.Id, operatorId);
    }

    /// <summary>
    /// Reserves the matched step once; the earlier steps of the window are reserved with it, so once a
    /// code is accepted no code of the same or an earlier step ever is.
    /// </summary>
    private async Task<bool> TryUseStepAsync(string operatorId, long step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expires = now + OperatorCounters.UsedStepLifetime;
        var first = await counters.TryReserveAttemptAsync(OperatorCounters.UsedStep(operatorId, step), 1, now, expires, cancellationToken);
        if (!first.Reserved)
        {
            return false;
        }

        for (var earlier = step - (2 * Window); earlier < step; earlier++)
        {
            _ = await counters.TryReserveAttemptAsync(OperatorCounters.UsedStep(operatorId, earlier), 1, now, expires, cancellationToken);
        }

        return true;
    }
}
