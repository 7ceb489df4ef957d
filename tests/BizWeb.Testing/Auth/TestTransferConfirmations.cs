using System.Collections.Concurrent;
using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>
/// An in-test transaction-bound confirmation: <see cref="TestHardwareToken.Code"/> confirms, bound to
/// the digest of the review, single use, expiring after <see cref="Lifetime"/> on the harness clock.
/// </summary>
public sealed class TestTransferConfirmations(TimeProvider time) : ITransferConfirmationVerifier
{
    /// <summary>How long a confirmation stays open.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, (PrincipalId User, byte[] Digest, DateTimeOffset ExpiresAt)> _open = new();
    private int _evaluations;

    /// <summary>How many codes were judged.</summary>
    public int Evaluations => Volatile.Read(ref _evaluations);

    /// <summary>Users without a token (<see cref="BeginAsync"/> answers <see cref="MessageCode.HardwareTokenNotRegistered"/>).</summary>
    public ConcurrentDictionary<PrincipalId, bool> WithoutToken { get; } = new();

    /// <inheritdoc />
    public ValueTask<AuthResult<TransferConfirmationChallenge>> BeginAsync(PrincipalId user, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken)
    {
        if (WithoutToken.ContainsKey(user))
        {
            return ValueTask.FromResult(AuthResult.Fail<TransferConfirmationChallenge>(MessageCode.HardwareTokenNotRegistered));
        }

        var id = Guid.NewGuid();
        var expires = time.GetUtcNow() + Lifetime;
        _open[id] = (user, digest.ToArray(), expires);
        return ValueTask.FromResult(AuthResult.Ok(new TransferConfirmationChallenge(id, expires, null)));
    }

    /// <inheritdoc />
    public ValueTask<SecondFactorVerification> ConfirmAsync(Guid confirmationId, PrincipalId user, ReadOnlyMemory<byte> digest, string code, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _evaluations);
        if (!_open.TryGetValue(confirmationId, out var open) || open.User != user || time.GetUtcNow() >= open.ExpiresAt || !open.Digest.AsSpan().SequenceEqual(digest.Span))
        {
            return ValueTask.FromResult(SecondFactorVerification.Rejected);
        }

        return ValueTask.FromResult(code == TestHardwareToken.Code && _open.TryRemove(confirmationId, out _) ? SecondFactorVerification.Verified : SecondFactorVerification.Rejected);
    }
}
