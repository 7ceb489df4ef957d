using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>What every flow needs: stores, hasher, policy, options, time, and the commit helper.</summary>
internal sealed class AuthCore
{

    public AuthCore(
        IContractStore contracts,
        IUserStore users,
        IFlowTicketStore tickets,
        ICredentialCounterStore counters,
        IAuthUnitOfWork unitOfWork,
        IPinHasher hasher,
        PinPolicy pinPolicy,
        IOptions<BizWebOptions> options,
        TimeProvider time,
        IPrincipalReader principals,
        IClientCertificateAuthenticator? certificates = null,
        ILoggerFactory? loggerFactory = null)
    {
        Certificates = certificates;
        Principals = principals;
        Contracts = contracts;
        Users = users;
        Tickets = tickets;
        Counters = counters;
        UnitOfWork = unitOfWork;
        Hasher = hasher;
        PinPolicy = pinPolicy;
        Options = options.Value;
        Time = time;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(Options.TimeZoneId);
        Logger = (ILogger?)loggerFactory?.CreateLogger("BizWeb.Auth") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Guard = new CredentialGuard(this);
    }

    public IContractStore Contracts { get; }

    public IUserStore Users { get; }

    /// <summary>Reads contract and user together (one query in the EF Core stores).</summary>
    public IPrincipalReader Principals { get; }

    public IFlowTicketStore Tickets { get; }

    public ICredentialCounterStore Counters { get; }

    public IAuthUnitOfWork UnitOfWork { get; }

    public IPinHasher Hasher { get; }

    /// <summary>The certificate authenticator (BizWeb.Certificates); sign-ins and signed-in callers need it.</summary>
    public IClientCertificateAuthenticator? Certificates { get; }

    public IClientCertificateAuthenticator RequiredCertificates => Certificates
        ?? throw new InvalidOperationException("No IClientCertificateAuthenticator is registered: call AddCertificateAuthority() on the BizWeb builder.");

    public PinPolicy PinPolicy { get; }

    public BizWebOptions Options { get; }

    public TimeProvider Time { get; }

    public TimeZoneInfo TimeZone { get; }

    public ILogger Logger { get; }

    public CredentialGuard Guard { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public AuditEntry Audit(AuditActor actor, string action, PrincipalId? subject, AuditOutcome outcome, MessageCode? code = null) =>
        new() { At = Now, Actor = actor, Action = action, Subject = subject, Outcome = outcome, Detail = code?.ToString() };

    /// <summary>A notification for <paramref name="recipient"/>, or nothing when no address is registered (SPEC.md §6).</summary>
    public SecurityNotification? Notification(SecurityEvent securityEvent, PrincipalId recipient, string? email) =>
        string.IsNullOrEmpty(email)
            ? null
            : new SecurityNotification
            {
                Id = Guid.NewGuid(),
                Event = securityEvent,
                Recipient = recipient,
                EmailAddress = email,
                CreatedAt = Now,
                NextAttemptAt = Now,
            };

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
        for (var attempt = 1; attempt <= Options.MaxCommitAttempts; attempt++)
        {
            var (changes, result) = await build(cancellationToken).ConfigureAwait(false);
            if (changes is null || await UnitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed)
            {
                return result;
            }
        }

        AuthLog.CommitGivenUp(Logger, Options.MaxCommitAttempts);
        return onConflict();
    }

    /// <summary>Appends audit records on their own (for failures that change no state).</summary>
    public async ValueTask AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var changes = new AuthChanges().Append(entry);
        _ = await UnitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    public static (AuthChanges? Changes, TResult Result) Nothing<TResult>(TResult result) => (null, result);
}
