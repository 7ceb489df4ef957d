using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>A simple in-test hardware token: <see cref="Code"/> is right for every user, any other digits are wrong.</summary>
public sealed class TestHardwareToken : IHardwareTokenVerifier
{
    /// <summary>The code that verifies.</summary>
    public const string Code = "246810";

    private int _evaluations;

    /// <summary>How many codes were judged.</summary>
    public int Evaluations => Volatile.Read(ref _evaluations);

    /// <inheritdoc />
    public ValueTask<SecondFactorVerification> VerifyAsync(SecondFactorContext context, string code, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _evaluations);
        if (code.Any(c => c is < '0' or > '9'))
        {
            return ValueTask.FromResult(new SecondFactorVerification(SecondFactorResult.Malformed, MessageCatalog.Get(MessageCode.OneTimePasswordMalformed)));
        }

        return ValueTask.FromResult(code == Code ? SecondFactorVerification.Verified : SecondFactorVerification.Rejected);
    }
}
