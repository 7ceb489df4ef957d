using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// Admission control for the key-derivation function: every PIN evaluation of the process (a guess, the
/// dummy evaluation for an unknown identifier, the hash of a new PIN) takes one of
/// <see cref="PinHashingOptions.MaxConcurrentEvaluations"/> places first, waiting in a queue of at most
/// <see cref="PinHashingOptions.MaxQueuedEvaluations"/> for at most <see cref="PinHashingOptions.MaxQueueWait"/>.
/// Beyond that it is refused at once, so a flood of sign-ins cannot ask for more memory than the places
/// hold (each Argon2id evaluation holds its whole memory cost while it runs). The flows take a place
/// after the cheap input checks and before the lockout reservation: a refused guess reserves nothing.
/// A refusal is counted (<c>bizweb.auth.kdf_refusals</c>) and logged at most once a minute, never
/// with an identifier; it is not audited one by one, which would turn the flood into database writes.
/// </summary>
internal sealed class KdfAdmission : IDisposable
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _places;
    private readonly int _limit;
    private readonly int _queueLimit;
    private readonly TimeSpan? _maxWait;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _waiting;
    private long _refusedSinceLog;
    private long _nextLogTicks = long.MinValue;

    public KdfAdmission(IOptions<BizWebOptions> options, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        var hashing = options.Value.PinHashing;
        _limit = hashing.MaxConcurrentEvaluations;
        _queueLimit = hashing.QueueLimit;
        _maxWait = hashing.MaxQueueWait;
        _places = new SemaphoreSlim(_limit, _limit);
        _time = time;
        _logger = AuthLog.Logger(loggerFactory);
    }

    /// <summary>Evaluations running now.</summary>
    public int InFlight => _limit - _places.CurrentCount;

    /// <summary>Evaluations waiting for a place now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Takes a place, waiting in the queue if need be; null when the queue is full or the wait ran out.
    /// Dispose the place when the evaluation is over (disposing twice gives it back once).
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller was cancelled, before or while waiting; the queue place is given back.</exception>
    public async ValueTask<KdfPlace?> TryEnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_places.Wait(0, CancellationToken.None))
        {
            return new KdfPlace(this);
        }

        // The wait's deadline starts before the caller counts as waiting, so whoever sees it waiting
        // (a test moving a fake clock) knows its deadline is already set.
        using var timeout = _maxWait is { } maxWait ? new CancellationTokenSource(maxWait, _time) : null;
        if (Interlocked.Increment(ref _waiting) > _queueLimit)
        {
            Interlocked.Decrement(ref _waiting);
            Refused("queue_full");
            return null;
        }

        try
        {
            if (timeout is null)
            {
                await _places.WaitAsync(cancellationToken).ConfigureAwait(false);
                return new KdfPlace(this);
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await _places.WaitAsync(either.Token).ConfigureAwait(false);
                return new KdfPlace(this);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Refused("queue_wait");
                return null;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public async ValueTask<string[]?> TryHashAsync(IPinHasher hasher, IReadOnlyList<string> pins, CancellationToken cancellationToken)
    {
        using var place = await TryEnterAsync(cancellationToken).ConfigureAwait(false);
        return place is null ? null : pins.Select(hasher.HashPin).ToArray();
    }

    public void Dispose() => _places.Dispose();

    internal void Release() => _places.Release();

    private void Refused(string reason)
    {
        AuthTelemetry.KdfRefusals.Add(1, AuthTelemetry.Tag("reason", reason));
        var refused = Interlocked.Increment(ref _refusedSinceLog);
        var now = _time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextLogTicks);
        if (now >= next && Interlocked.CompareExchange(ref _nextLogTicks, now + LogInterval.Ticks, next) == next)
        {
            refused = Interlocked.Exchange(ref _refusedSinceLog, 0);
            AuthLog.KdfRefused(_logger, refused, InFlight, Waiting, _limit, _queueLimit);
        }
    }
}
