using System.Collections.Concurrent;
using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>
/// A simple in-test customer card for the auth flows' own tests (the real one is BizWeb.Tokens):
/// every challenge asks 「ア」「ウ」「キ」 and the right answer is <see cref="Answer"/>. A challenge is
/// bound to its flow, single use on success, kept on failure.
/// </summary>
public sealed class TestCustomerCard : ICustomerCardVerifier
{
    /// <summary>The correct answer for every challenge.</summary>
    public const string Answer = "123492";

    private readonly ConcurrentDictionary<Guid, byte> _open = new();
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

        _open.TryAdd(context.FlowId, 0);
        return ValueTask.FromResult<SecondFactorChallenge?>(new SecondFactorChallenge(["ア", "ウ", "キ"], context.Now.AddMinutes(5)));
    }

    /// <inheritdoc />
    public ValueTask<SecondFactorVerification> VerifyAsync(SecondFactorContext context, string answer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _evaluations);
        if (answer.Any(c => c is < '0' or > '9'))
        {
            return ValueTask.FromResult(new SecondFactorVerification(SecondFactorResult.Malformed, MessageCatalog.Get(MessageCode.OneTimePasswordMalformed)));
        }

        var ok = _open.ContainsKey(context.FlowId) && answer == Answer && _open.TryRemove(context.FlowId, out _);
        return ValueTask.FromResult(ok ? SecondFactorVerification.Verified : SecondFactorVerification.Rejected);
    }
}
