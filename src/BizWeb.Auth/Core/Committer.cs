using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// Commits change sets through the <see cref="IAuthUnitOfWork"/>: once, or re-reading and re-building
/// on a concurrency conflict up to <see cref="BizWebOptions.MaxCommitAttempts"/> times (the one retry policy).
/// </summary>
internal sealed class Committer(IAuthUnitOfWork unitOfWork, IOptions<BizWebOptions> options, ILoggerFactory? loggerFactory = null)
{
    private readonly ILogger _logger = AuthLog.Logger(loggerFactory);

    /// <summary>Commits <paramref name="changes"/> once.</summary>
    public ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken) => unitOfWork.CommitAsync(changes, cancellationToken);

    /// <summary>
    /// Builds and commits a change set, re-reading and re-building on a concurrency conflict. The
    /// builder returns the change set (or <see langword="null"/> when there is nothing to store) and
    /// the result to answer once committed.
    /// </summary>
    public async ValueTask<TResult> CommitAsync<TResult>(
        Func<CancellationToken, ValueTask<(AuthChanges? Changes, TResult Result)>> build,
        Func<TResult> onConflict,
        CancellationToken cancellationToken)
    {
        var attempts = options.Value.MaxCommitAttempts;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var (changes, result) = await build(cancellationToken).ConfigureAwait(false);
            if (changes is null || await unitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed)
            {
                return result;
            }
        }

        AuthLog.CommitGivenUp(_logger, attempts);
        return onConflict();
    }

    /// <summary>Commits the fixed <paramref name="changes"/>, tried again on a conflict; whether they committed.</summary>
    public ValueTask<bool> CommitRetryingAsync(AuthChanges changes, CancellationToken cancellationToken) =>
        CommitAsync(_ => ValueTask.FromResult<(AuthChanges?, bool)>((changes, true)), () => false, cancellationToken);

    /// <summary>A build step's answer when there is nothing to store.</summary>
    public static (AuthChanges? Changes, TResult Result) Nothing<TResult>(TResult result) => (null, result);
}
