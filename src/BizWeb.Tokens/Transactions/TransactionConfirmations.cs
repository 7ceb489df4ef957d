using System.Security.Cryptography;
using BizWeb.Auth;
using Microsoft.Extensions.Options;

namespace BizWeb.Tokens;

/// <summary>
/// Transaction-bound confirmation (利用者9-1, dynamic linking in the style of PSD2 RTS Art. 5): one
/// code confirms one transaction. At review the host passes the SHA-256 of a canonical form of what
/// the user saw (amount, payee bank/branch/account, debit account, date); at confirmation it passes the
/// digest again, and a different digest (a changed amount or payee) kills the confirmation. Single use,
/// expires after <see cref="HardwareTokenOptions.TransactionConfirmationLifetime"/>. TOTP and HOTP tokens
/// confirm with the current code (replay-protected like sign-in); OCRA tokens with the response to a challenge
/// derived from the digest and a random nonce, which the user types into the token.
/// The host's transaction flow counts failures toward the user's lock, as the auth flows do.
/// </summary>
public sealed class TransactionConfirmations
{
    /// <summary>The length of a transaction digest (SHA-256).</summary>
    public const int DigestLength = 32;

    private readonly IHardwareTokenStore _tokens;
    private readonly ITransactionConfirmationStore _confirmations;
    private readonly HardwareTokenCodes _codes;
    private readonly HardwareTokenOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="tokens">The token store.</param>
    /// <param name="confirmations">The confirmation store.</param>
    /// <param name="protector">Decrypts seeds.</param>
    /// <param name="options">Token settings.</param>
    /// <param name="time">The clock.</param>
    public TransactionConfirmations(IHardwareTokenStore tokens, ITransactionConfirmationStore confirmations, ISecretProtector protector, IOptions<HardwareTokenOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _confirmations = confirmations ?? throw new ArgumentNullException(nameof(confirmations));
        _codes = new HardwareTokenCodes(tokens, protector ?? throw new ArgumentNullException(nameof(protector)));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Opens a confirmation for the transaction the user is reviewing.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="transactionDigest">SHA-256 of the canonical form of the transaction shown.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request to show, or <see cref="MessageCode.HardwareTokenNotRegistered"/>.</returns>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    public async ValueTask<AuthResult<TransactionConfirmationRequest>> BeginAsync(PrincipalId user, ReadOnlyMemory<byte> transactionDigest, CancellationToken cancellationToken = default)
    {
        IdGuard.Require(user);
        if (transactionDigest.Length != DigestLength)
        {
            throw new ArgumentException("The transaction digest is a 32-byte SHA-256.", nameof(transactionDigest));
        }

        var token = await _tokens.FindByOwnerAsync(user, cancellationToken).ConfigureAwait(false);
        if (token is not { Status: HardwareTokenStatus.Assigned })
        {
            return AuthResult.Fail<TransactionConfirmationRequest>(MessageCode.HardwareTokenNotRegistered);
        }

        var now = _time.GetUtcNow();
        string? challenge = null;
        if (token.OcraSuite is not null && OcraSuite.TryParse(token.OcraSuite, out var suite))
        {
            challenge = OcraChallenge.Derive(suite, transactionDigest.Span);
        }

        var confirmation = new TransactionConfirmation
        {
            Id = Guid.NewGuid(),
            Principal = user,
            Digest = transactionDigest.ToArray(),
            OcraChallenge = challenge,
            CreatedAt = now,
            ExpiresAt = now + _options.TransactionConfirmationLifetime,
        };
        await _confirmations.AddAsync(confirmation, cancellationToken).ConfigureAwait(false);
        return AuthResult.Ok(new TransactionConfirmationRequest(confirmation.Id, confirmation.ExpiresAt, challenge));
    }

    /// <summary>
    /// Confirms the transaction with the token's code. Rejected (counts a failure) when the confirmation
    /// is unknown, someone else's, expired or used, when the digest differs from the one reviewed (the
    /// confirmation is then dead), or when the code is wrong; replayed (not a wrong guess; the confirmation
    /// stays open for the next code) when the code is the one the token used last; malformed for input that
    /// is not the token's digits.
    /// </summary>
    /// <param name="confirmationId">The id from <see cref="BeginAsync"/>.</param>
    /// <param name="user">The signed-in user.</param>
    /// <param name="transactionDigest">SHA-256 of the transaction about to be executed.</param>
    /// <param name="code">The code from the token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Verified (the confirmation is consumed), rejected, replayed or malformed.</returns>
    public async ValueTask<SecondFactorVerification> ConfirmAsync(Guid confirmationId, PrincipalId user, ReadOnlyMemory<byte> transactionDigest, string code, CancellationToken cancellationToken = default)
    {
        IdGuard.Require(user);
        if (!OneTimePasswordInput.IsAsciiDigits(code))
        {
            return OneTimePasswordInput.Malformed(code);
        }

        var now = _time.GetUtcNow();
        var confirmation = await _confirmations.FindAsync(confirmationId, cancellationToken).ConfigureAwait(false);
        if (confirmation is null || confirmation.Principal != user || now >= confirmation.ExpiresAt)
        {
            return SecondFactorVerification.Rejected;
        }

        if (!CryptographicOperations.FixedTimeEquals(confirmation.Digest, transactionDigest.Span))
        {
            // The transaction changed after review: this confirmation can never succeed.
            await _confirmations.TryConsumeAsync(confirmationId, cancellationToken).ConfigureAwait(false);
            return SecondFactorVerification.Rejected;
        }

        SecondFactorVerification verdict;
        if (confirmation.OcraChallenge is { } challenge)
        {
            verdict = await VerifyOcraAsync(user, challenge, code, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            verdict = await _codes.VerifyAsync(user, code, now, _options, cancellationToken).ConfigureAwait(false);
        }

        if (verdict.Result != SecondFactorResult.Verified)
        {
            return verdict;
        }

        return await _confirmations.TryConsumeAsync(confirmationId, cancellationToken).ConfigureAwait(false)
            ? SecondFactorVerification.Verified
            : SecondFactorVerification.Rejected;
    }

    private async ValueTask<SecondFactorVerification> VerifyOcraAsync(PrincipalId user, string challenge, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await _tokens.FindByOwnerAsync(user, cancellationToken).ConfigureAwait(false);
        if (token is not { Status: HardwareTokenStatus.Assigned, OcraSuite: { } suiteText } || !OcraSuite.TryParse(suiteText, out var suite))
        {
            return SecondFactorVerification.Rejected;
        }

        if (code.Length != suite.Digits)
        {
            return OneTimePasswordInput.Malformed(code);
        }

        var seed = _codes.UnprotectSeed(token);
        try
        {
            // The challenge is single use with the confirmation; with a T input, accept the window of time steps.
            var window = suite.TimeStepSeconds > 0 ? _options.VerificationWindow : 0;
            var center = suite.TimeStepSeconds > 0 ? now.ToUnixTimeSeconds() / suite.TimeStepSeconds : 0;
            var matched = false;
            Span<byte> typed = stackalloc byte[Hotp.MaxDigits];
            Span<byte> expected = stackalloc byte[Hotp.MaxDigits];
            for (var i = 0; i < code.Length; i++)
            {
                typed[i] = (byte)code[i];
            }

            for (var t = center - window; t <= center + window; t++)
            {
                Hotp.Format(Ocra.Compute(suite, seed, challenge, timeSteps: t), suite.Digits, expected);
                matched |= CryptographicOperations.FixedTimeEquals(expected[..suite.Digits], typed[..suite.Digits]);
            }

            return matched ? SecondFactorVerification.Verified : SecondFactorVerification.Rejected;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
