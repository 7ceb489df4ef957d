using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>
/// A PIN hasher whose evaluations wait until the test lets them go, so a test can hold a known number of
/// KDF evaluations in flight (admission control) without timing; it can also be told to fail every
/// evaluation with an exception. Verifications and hashes alike are held, from <see cref="Hold"/> on; until
/// then (the test's set-up) they run freely.
/// </summary>
public sealed class HeldPinHasher(IPinHasher inner) : IPinHasher, IDisposable
{
    private readonly SemaphoreSlim _entered = new(0);
    private TaskCompletionSource _release = Released();
    private int _running;
    private int _mostRunning;
    private int _evaluations;

    /// <summary>Whether evaluations throw (<see cref="InvalidOperationException"/>) instead of running.</summary>
    public bool Throws { get; set; }

    /// <summary>Evaluations running (held) now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The most evaluations that ever ran at once.</summary>
    public int MostRunning => Volatile.Read(ref _mostRunning);

    /// <summary>Evaluations begun so far.</summary>
    public int Evaluations => Volatile.Read(ref _evaluations);

    /// <summary>Waits until <paramref name="count"/> more evaluations have begun since <see cref="Hold"/> (each is then held).</summary>
    public async Task WaitForEnteredAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var i = 0; i < count; i++)
        {
            await _entered.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Lets every held evaluation go, and every later one run without waiting.</summary>
    public void ReleaseAll() => Volatile.Read(ref _release).TrySetResult();

    /// <summary>Holds the evaluations that begin from now on, and starts counting them for <see cref="WaitForEnteredAsync"/>.</summary>
    public void Hold()
    {
        while (_entered.Wait(0))
        {
        }

        Volatile.Write(ref _release, NewRelease());
    }

    /// <summary>Lets every held evaluation go.</summary>
    public void Dispose()
    {
        ReleaseAll();
        _entered.Dispose();
    }

    /// <inheritdoc />
    public string HashPin(string pin)
    {
        Enter();
        try
        {
            return inner.HashPin(pin);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <inheritdoc />
    public PinVerificationResult VerifyPin(string pin, string? storedHash)
    {
        Enter();
        try
        {
            return inner.VerifyPin(pin, storedHash);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource Released()
    {
        var released = NewRelease();
        released.SetResult();
        return released;
    }

    private void Enter()
    {
        Interlocked.Increment(ref _evaluations);
        var running = Interlocked.Increment(ref _running);
        for (var most = Volatile.Read(ref _mostRunning); running > most; most = Volatile.Read(ref _mostRunning))
        {
            if (Interlocked.CompareExchange(ref _mostRunning, running, most) == most)
            {
                break;
            }
        }

        _entered.Release();
        if (!Volatile.Read(ref _release).Task.Wait(TimeSpan.FromSeconds(30)))
        {
            Interlocked.Decrement(ref _running);
            throw new TimeoutException("The test never released the held PIN evaluation.");
        }

        if (Throws)
        {
            Interlocked.Decrement(ref _running);
            throw new InvalidOperationException("Held PIN evaluation told to fail.");
        }
    }
}
