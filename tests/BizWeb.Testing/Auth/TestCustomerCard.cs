using System.Collections.Concurrent;
using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>
/// A simple in-test customer card for the auth flows' own tests (the real one is BizWeb.Tokens):
/// every challenge asks 「ア」「ウ」「キ」 and the right answer is <see cref="Answer"/>. A challenge is
/// bound to its flow, expires 5 minutes after it was first asked (like the real card's default), single
/// use on success, kept on failure.
/// </summary>
public sealed class TestCustomerCard : ICustomerCardVerifier
{
    /// <summary>The correct answer for every challenge.</summary>
    public const string Answer = "123492";

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _open = new();
    private int _evaluations;

    /// <summary>Contracts that have no card.</summary>
    public HashSet<ContractId> WithoutCard { get; } = [];

    /// <summary>How many answers were judged.</summary>
    public int Evaluations => Volatile.Read(ref _evaluations);

    /// <inheritdoc />
    public ValueTask<SecondFactorChallenge?> GetChallengeAsync(SecondFactorContext context, CancellationToken cancellationToken)
    {
        if (WithoutCard.Contains(context.Principal.ContractId))
        {
            return ValueTask.FromResult<SecondFactorChallenge?>(null);
        }

        var now = context.Now;
        var expiresAt = _open.AddOrUpdate(context.FlowId, _ => now.AddMinutes(5), (_, open) => now < open ? open : now.AddMinutes(5));
        return ValueTask.FromResult<SecondFactorChallenge?>(new SecondFactorChallenge(["ア", "ウ", "キ"], expiresAt));
    }

    /// <inheritdoc />
    public ValueTask<SecondFactorVerification> VerifyAsync(SecondFactorContext context, string answer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _evaluations);
        if (answer.Any(c => c is < '0' or > '9'))
        {
            return ValueTask.FromResult(new SecondFactorVerification(SecondFactorResult.Malformed, MessageCatalog.Get(MessageCode.OneTimePasswordMalformed)));
        }

        var ok = _open.TryGetValue(context.FlowId, out var expiresAt) && context.Now < expiresAt && answer == Answer && _open.TryRemove(context.FlowId, out _);
        return ValueTask.FromResult(ok ? SecondFactorVerification.Verified : SecondFactorVerification.Rejected);
    }
}
