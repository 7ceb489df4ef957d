using System.Security.Cryptography;
using BizWeb.Auth;
using Microsoft.Extensions.Options;

namespace BizWeb.Tokens;

/// <summary>
/// The <see cref="ICustomerCardVerifier"/> of this package. Challenges ask k distinct CSPRNG positions,
/// are bound to principal, step and flow, expire, and are never re-rolled — not within a flow, and
/// not across flows either: while any challenge of the card is open, a new flow is asked the same
/// positions, so starting flows over and over never shows an attacker new positions. A correct answer
/// ends every open challenge of the card at once (one store step), so it is accepted by one flow only;
/// the next challenge draws fresh positions.
/// </summary>
internal sealed class CustomerCardVerifier : ICustomerCardVerifier
{
    private readonly ICustomerCardStore _cards;
    private readonly ICustomerCardChallengeStore _challenges;
    private readonly ISecretProtector _protector;
    private readonly CustomerCardOptions _options;

    public CustomerCardVerifier(ICustomerCardStore cards, ICustomerCardChallengeStore challenges, ISecretProtector protector, IOptions<CustomerCardOptions> options)
    {
        _cards = cards;
        _challenges = challenges;
        _protector = protector;
        _options = options.Value;
    }

    public async ValueTask<SecondFactorChallenge?> GetChallengeAsync(SecondFactorContext context, CancellationToken cancellationToken)
    {
        var card = await _cards.FindAsync(context.Principal.ContractId, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            return null;
        }

        var candidate = new CustomerCardChallenge
        {
            Id = Guid.NewGuid(),
            ContractId = card.ContractId,
            CardSerialNumber = card.SerialNumber,
            Principal = context.Principal,
            Purpose = context.Purpose,
            FlowId = context.FlowId,
            Positions = CustomerCardValues.DrawPositions(_options.ChallengePositions),
            IssuedAt = context.Now,
            ExpiresAt = context.Now + _options.ChallengeLifetime,
        };
        var challenge = await _challenges.GetOrAddAsync(candidate, context.Now, cancellationToken).ConfigureAwait(false);
        return new SecondFactorChallenge([.. challenge.Positions.Select(CustomerCardPositions.GetLabel)], challenge.ExpiresAt);
    }

    public async ValueTask<SecondFactorVerification> VerifyAsync(SecondFactorContext context, string answer, CancellationToken cancellationToken)
    {
        var challenge = await _challenges.FindAsync(context.Principal, context.Purpose, context.FlowId, context.Now, cancellationToken).ConfigureAwait(false);
        if (challenge is null)
        {
            return OneTimePasswordInput.IsAsciiDigits(answer) ? SecondFactorVerification.Rejected : OneTimePasswordInput.Malformed(answer);
        }

        if (OneTimePasswordInput.Check(answer, challenge.Positions.Count * 2) is { } malformed)
        {
            return malformed;
        }

        var card = await _cards.FindAsync(challenge.ContractId, cancellationToken).ConfigureAwait(false);
        if (card is null || !string.Equals(card.SerialNumber, challenge.CardSerialNumber, StringComparison.Ordinal))
        {
            // The card was reissued after the challenge was asked: the old card is dead.
            return SecondFactorVerification.Rejected;
        }

        var values = _protector.Unprotect(card.ProtectedValues, CustomerCardValues.ProtectionPurpose);
        bool matches;
        try
        {
            matches = CustomerCardValues.Matches(values, challenge.Positions, answer);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(values);
        }

        if (!matches)
        {
            return SecondFactorVerification.Rejected;
        }

        return await _challenges.TryConsumeAsync(challenge, context.Now, cancellationToken).ConfigureAwait(false)
            ? SecondFactorVerification.Verified
            : SecondFactorVerification.Rejected;
    }
}
