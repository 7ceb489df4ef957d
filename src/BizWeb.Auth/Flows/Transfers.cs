using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// A user's transfers (利用者9-1 … 9-2): <see cref="DraftAsync"/> checks permission, payee, fee and every
/// limit; <see cref="ReviewAsync"/> freezes the canonical digest of what the review screen shows and
/// opens a token confirmation bound to it; <see cref="ConfirmAsync"/> judges the token code (failures
/// count toward the user's lock, linked or unlinked), reserves the daily totals atomically and hands
/// the transfer to the <see cref="ITransferExecutor"/>. An idempotency key authorises at most once; a
/// transfer whose details changed after review, or whose review expired, is refused. Every
/// authorisation and refusal is audited.
/// </summary>
public sealed class Transfers
{
    /// <summary>The most transfers <see cref="ListAsync"/> returns.</summary>
    public const int MaxListCount = 500;

    private readonly IUserStore _users;
    private readonly IPrincipalReader _principals;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly CredentialGuard _guard;
    private readonly CallerCheck _callers;
    private readonly BizWebOptions _options;
    private readonly IContractSettingsStore _settings;
    private readonly ITransferStore _transfers;
    private readonly ITransferTotalStore _totals;
    private readonly ITransferConfirmationVerifier? _verifier;
    private readonly ITransferExecutor? _executor;

    internal Transfers(IUserStore users, IPrincipalReader principals, Committer commits, AuditWriter audit, BankClock clock, CredentialGuard guard, CallerCheck callers, IOptions<BizWebOptions> options, IContractSettingsStore settings, ITransferStore transfers, ITransferTotalStore totals, ITransferConfirmationVerifier? verifier, ITransferExecutor? executor)
    {
        _users = users;
        _principals = principals;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _guard = guard;
        _callers = callers;
        _options = options.Value;
        _settings = settings;
        _transfers = transfers;
        _totals = totals;
        _verifier = verifier;
        _executor = executor;
    }

    private ITransferConfirmationVerifier Verifier => RequiredSeams.Require(_verifier);

    private ITransferExecutor Executor => RequiredSeams.Require(_executor);

    /// <summary>The services granted to the user with the user's limits (利用者ステータス画面, 限度額照会).</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The grants in catalogue order; empty for an unknown or deleted user.</returns>
    public async ValueTask<IReadOnlyList<UserServiceGrant>> ListServicesAsync(SignedInUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var record = await _users.FindAsync(user.ContractId, user.UserId, cancellationToken).ConfigureAwait(false);
        if (record is null || record.State == UserState.Deleted)
        {
            return [];
        }

        var settings = await SettingsAsync(user.ContractId, cancellationToken).ConfigureAwait(false);
        return [.. _options.Transactions.Catalogue
            .Where(s => record.GrantedServices.Contains(s.Id, StringComparer.Ordinal))
            .Select(s => new UserServiceGrant(
                s,
                record.ServiceLimits.TryGetValue(s.Id, out var limit) ? limit : new TransferLimit(null, null),
                settings.EnabledServices.Contains(s.Id, StringComparer.Ordinal)))];
    }

    /// <summary>The contract's debit accounts with their limits (支払口座 on the entry screen).</summary>
    /// <param name="caller">A signed-in user or the administrator of the contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The accounts.</returns>
    public async ValueTask<IReadOnlyList<DebitAccount>> ListDebitAccountsAsync(SignedInCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (await SettingsAsync(caller.ContractId, cancellationToken).ConfigureAwait(false)).DebitAccounts;
    }

    /// <summary>The user's transfers with their states, newest first.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="maxCount">At most this many (1 … <see cref="MaxListCount"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transfers.</returns>
    public ValueTask<IReadOnlyList<Transfer>> ListAsync(SignedInUser user, int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _transfers.ListAsync(user.Principal, Math.Clamp(maxCount, 1, MaxListCount), cancellationToken);
    }

    /// <summary>One of the user's transfers (for the review and completion screens).</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="transferId">The transfer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transfer, or <see cref="MessageCode.TransferNotFound"/> (also for another user's).</returns>
    public async ValueTask<AuthResult<Transfer>> GetAsync(SignedInUser user, Guid transferId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var transfer = await _transfers.FindAsync(transferId, cancellationToken).ConfigureAwait(false);
        return transfer is not null && transfer.User == user.Principal ? AuthResult.Ok(transfer) : AuthResult.Fail<Transfer>(MessageCode.TransferNotFound);
    }

    /// <summary>
    /// 資金移動内容入力: checks the entry and creates a draft with its fee quote. The same idempotency key
    /// with the same entry answers the same transfer; with another entry it is refused.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="request">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The draft; or input errors (<see cref="MessageCode.PayeeInvalid"/>, <see cref="MessageCode.TransferAmountInvalid"/>,
    /// <see cref="MessageCode.ExecutionDateInvalid"/>, <see cref="MessageCode.IdempotencyKeyInvalid"/>, <see cref="MessageCode.IdempotencyKeyReused"/>), or refusals
    /// (<see cref="MessageCode.ServiceNotPermitted"/>, <see cref="MessageCode.DebitAccountNotFound"/>,
    /// <see cref="MessageCode.TransferAmountBelowFee"/>, <see cref="MessageCode.TransferLimitExceeded"/>,
    /// <see cref="MessageCode.DailyLimitExceeded"/>, an accident or state refusal).
    /// </returns>
    public async ValueTask<AuthResult<Transfer>> DraftAsync(SignedInUser user, TransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var today = _clock.Today;
        var date = request.ExecutionDate ?? today;
        var input = new InputErrors();
        if (!TransactionInput.IsIdempotencyKey(request.IdempotencyKey))
        {
            input.Add(MessageCode.IdempotencyKeyInvalid);
        }

        if (!TransactionInput.IsDigits(request.PayeeBankCode, 4) || !TransactionInput.IsDigits(request.PayeeBranchCode, 3) || !Enum.IsDefined(request.PayeeAccountType)
            || !TransactionInput.IsDigits(request.PayeeAccountNumber, 7) || !TransactionInput.IsPayeeName(request.PayeeName))
        {
            input.Add(MessageCode.PayeeInvalid);
        }

        if (request.Amount is <= 0 or > TransferFees.MaxAmount || !Enum.IsDefined(request.FeeBearer))
        {
            input.Add(MessageCode.TransferAmountInvalid);
        }

        if (date < today || date > today.AddDays(_options.Transactions.MaxDaysAhead))
        {
            input.Add(MessageCode.ExecutionDateInvalid);
        }

        if (input.Any)
        {
            return AuthResult.Fail<Transfer>(input.Errors);
        }

        var existing = await _transfers.FindByIdempotencyKeyAsync(user.Principal, request.IdempotencyKey!, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return SameEntry(existing, request, date) ? AuthResult.Ok(existing) : AuthResult.Fail<Transfer>(MessageCode.IdempotencyKeyReused);
        }

        var check = await CheckAsync(user, request.DebitAccount, request.Amount, date, cancellationToken).ConfigureAwait(false);
        if (!check.Result.Succeeded)
        {
            return await RefuseAsync<Transfer>("TransferDraft", user, check.Result, cancellationToken).ConfigureAwait(false);
        }

        var (settings, account) = (check.Settings!, check.Account!);
        var relation = !string.Equals(request.PayeeBankCode, _options.BankCode, StringComparison.Ordinal) ? PayeeRelation.OtherBank
            : string.Equals(request.PayeeBranchCode, account.BranchCode, StringComparison.Ordinal) ? PayeeRelation.SameBranch
            : PayeeRelation.SameBank;
        var payeeBorne = settings.PayeeBorneFees is { } bands ? FeeSchedule.Create(bands) : null;
        var quote = TransferFees.Quote(request.Amount, relation, request.FeeBearer, _options.Transactions.BankFeeSchedule, payeeBorne is { Succeeded: true } ? payeeBorne.Value : null);
        if (!quote.Succeeded)
        {
            return await RefuseAsync<Transfer>("TransferDraft", user, quote, cancellationToken).ConfigureAwait(false);
        }

        var now = _clock.Now;
        var transfer = new Transfer
        {
            Id = Guid.NewGuid(),
            User = user.Principal,
            IdempotencyKey = request.IdempotencyKey!,
            Details = new TransferDetails
            {
                DebitAccount = account.Id,
                PayeeBankCode = request.PayeeBankCode!,
                PayeeBranchCode = request.PayeeBranchCode!,
                PayeeAccountType = request.PayeeAccountType,
                PayeeAccountNumber = request.PayeeAccountNumber!,
                PayeeName = request.PayeeName!,
                Quote = quote.Value,
                FeeBearer = request.FeeBearer,
                ExecutionDate = date,
            },
            PayeeRelation = relation,
            State = TransferState.Drafted,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var changes = new AuthChanges().Put(transfer).Append(_audit.Entry(user.Actor, "TransferDrafted", user.Principal, AuditOutcome.Succeeded));
        if (await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed)
        {
            return AuthResult.Ok(transfer with { Version = 1 });
        }

        // Another request with the same key got there first.
        existing = await _transfers.FindByIdempotencyKeyAsync(user.Principal, request.IdempotencyKey!, cancellationToken).ConfigureAwait(false);
        return existing is not null && SameEntry(existing, request, date) ? AuthResult.Ok(existing) : AuthResult.Fail<Transfer>(MessageCode.IdempotencyKeyReused);
    }

    /// <summary>
    /// 利用者9-1 資金移動確認画面: checks the draft again, freezes the digest of every displayed field and
    /// opens a token confirmation bound to it. Reviewing again replaces the confirmation.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="transferId">The draft.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What to show; or <see cref="MessageCode.TransferNotFound"/>, <see cref="MessageCode.TransferNotConfirmable"/>, <see cref="MessageCode.HardwareTokenNotRegistered"/>, or a refusal of the checks.</returns>
    public async ValueTask<AuthResult<TransferReview>> ReviewAsync(SignedInUser user, Guid transferId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var transfer = await _transfers.FindAsync(transferId, cancellationToken).ConfigureAwait(false);
        if (transfer is null || transfer.User != user.Principal)
        {
            return AuthResult.Fail<TransferReview>(MessageCode.TransferNotFound);
        }

        if (transfer.State is not (TransferState.Drafted or TransferState.Reviewed))
        {
            return await RefuseAsync<TransferReview>("TransferReview", user, AuthResult.Fail(MessageCode.TransferNotConfirmable), cancellationToken).ConfigureAwait(false);
        }

        var check = await CheckAsync(user, transfer.Details.DebitAccount, transfer.Details.Quote.Amount, TransferTotals.Day(transfer), cancellationToken).ConfigureAwait(false);
        if (!check.Result.Succeeded)
        {
            return await RefuseAsync<TransferReview>("TransferReview", user, check.Result, cancellationToken).ConfigureAwait(false);
        }

        var digest = transfer.Details.ComputeDigest();
        var challenge = await Verifier.BeginAsync(user.Principal, digest, cancellationToken).ConfigureAwait(false);
        if (!challenge.Succeeded)
        {
            return await RefuseAsync<TransferReview>("TransferReview", user, challenge, cancellationToken).ConfigureAwait(false);
        }

        var reviewed = transfer with
        {
            State = TransferLifecycle.Next(transfer.State, TransferTrigger.Reviewed),
            ReviewedDigest = digest,
            ConfirmationId = challenge.Value.Id,
            ReviewExpiresAt = challenge.Value.ExpiresAt,
            UpdatedAt = _clock.Now,
        };
        return await PutAsync(reviewed, _audit.Entry(user.Actor, "TransferReviewed", user.Principal, AuditOutcome.Succeeded), null, cancellationToken).ConfigureAwait(false) is { } stored
            ? AuthResult.Ok(new TransferReview(stored, challenge.Value.ExpiresAt, challenge.Value.OcraChallenge))
            : AuthResult.Fail<TransferReview>(MessageCode.ConcurrencyConflict);
    }

    /// <summary>
    /// 利用者9-1 → 9-2: confirms the reviewed transfer with the token's one-time password and, once
    /// verified, reserves the daily totals and hands it to the executor.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="transferId">The reviewed transfer.</param>
    /// <param name="tokenCode">The digits shown on the token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The authorised transfer (with the executor's reference); or <see cref="MessageCode.TransferNotConfirmable"/>
    /// (a replay, not reviewed), <see cref="MessageCode.TransferReviewExpired"/>, <see cref="MessageCode.TransferChangedAfterReview"/>,
    /// <see cref="MessageCode.OneTimePasswordMalformed"/> (not counted), <see cref="MessageCode.OneTimePasswordIncorrect"/>,
    /// <see cref="MessageCode.UserLocked"/>, a limit or permission refusal, or <see cref="MessageCode.TransferExecutionRefused"/>.
    /// </returns>
    public async ValueTask<AuthResult<Transfer>> ConfirmAsync(SignedInUser user, Guid transferId, string? tokenCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        const string Action = "TransferConfirm";
        var transfer = await _transfers.FindAsync(transferId, cancellationToken).ConfigureAwait(false);
        if (transfer is null || transfer.User != user.Principal)
        {
            return AuthResult.Fail<Transfer>(MessageCode.TransferNotFound);
        }

        // The caller first: a stale one neither learns nor changes anything of the transfer.
        var (contract, record) = await LoadAsync(user, cancellationToken).ConfigureAwait(false);
        if (contract is null || record is null || record.State == UserState.Deleted)
        {
            return await RefuseAsync<Transfer>(Action, user, AuthResult.Fail(MessageCode.SessionEnded), cancellationToken).ConfigureAwait(false);
        }

        // A suspended user or a stopped contract is refused without evaluation as "locked" (as the guard would).
        if (contract.State == ContractState.Stopped || record.State == UserState.Suspended)
        {
            return await RefuseAsync<Transfer>(Action, user, AuthResult.Fail(MessageCode.UserLocked), cancellationToken).ConfigureAwait(false);
        }

        if (UserGate.Refusal(contract, record) is { } refusal)
        {
            return await RefuseAsync<Transfer>(Action, user, AuthResult.Fail(refusal), cancellationToken).ConfigureAwait(false);
        }

        if (!await _callers.IsSameAsync(user, contract, record, cancellationToken).ConfigureAwait(false))
        {
            return await RefuseAsync<Transfer>(Action, user, AuthResult.Fail(MessageCode.SessionEnded), cancellationToken).ConfigureAwait(false);
        }

        if (transfer.State != TransferState.Reviewed || transfer.ReviewedDigest is null || transfer.ConfirmationId is not { } confirmationId)
        {
            return await RefuseAsync<Transfer>(Action, user, AuthResult.Fail(MessageCode.TransferNotConfirmable), cancellationToken).ConfigureAwait(false);
        }

        if (_clock.Now >= transfer.ReviewExpiresAt)
        {
            return await RefuseAsync<Transfer>(Action, user, AuthResult.Fail(MessageCode.TransferReviewExpired), cancellationToken).ConfigureAwait(false);
        }

        var digest = transfer.Details.ComputeDigest();
        if (!CryptographicOperations.FixedTimeEquals(digest, transfer.ReviewedDigest))
        {
            // What would be executed is not what the user reviewed: never confirmable.
            return await EndAsync(user, transfer, TransferTrigger.Refused, MessageCode.TransferChangedAfterReview, Action, AuditOutcome.Refused, cancellationToken).ConfigureAwait(false);
        }

        if (OneTimePasswordInput.Check(tokenCode) is { } malformed)
        {
            return AuthResult.Fail<Transfer>([malformed]);
        }

        var verifier = Verifier;
        var guard = await _guard.CheckAsync(contract, record, Credential.HardwareToken, user.Actor, Action,
            ct => verifier.ConfirmAsync(confirmationId, user.Principal, digest, tokenCode!, ct), cancellationToken, resetInCallersCommit: true).ConfigureAwait(false);
        AuthTelemetry.OtpVerifications.Add(1, AuthTelemetry.Tag("factor", "transaction"), AuthTelemetry.Tag("result", guard.Outcome.ToString()));
        // Fail closed: only a verified code goes on.
        if (guard.Outcome != GuardOutcome.Verified)
        {
            return AuthResult.Fail<Transfer>(guard.Outcome switch
            {
                GuardOutcome.Busy => MessageCode.CredentialBusy,
                GuardOutcome.Locked => MessageCode.UserLocked,
                GuardOutcome.Replayed => MessageCode.OneTimePasswordReplayed,
                _ => MessageCode.OneTimePasswordIncorrect,
            });
        }

        // From here the code is spent: the claim, the limits, the execution and the outcome's record
        // run to the end even if the caller goes away (an aborted request must not leave a transfer
        // claimed and unrecorded, nor a correct code counted as a failure).
        cancellationToken = CancellationToken.None;

        // Claim the transfer: of two confirmations racing, only one moves it on.
        // The token's counter is reset in the same commit (the guard left it to this one).
        var tokenCounter = CounterKey.For(user.Principal, Credential.HardwareToken);
        var executing = await PutAsync(transfer with { State = TransferLifecycle.Next(transfer.State, TransferTrigger.Confirmed), UpdatedAt = _clock.Now }, _audit.Entry(user.Actor, "TransferConfirmed", user.Principal, AuditOutcome.Succeeded), null, cancellationToken, resetCounter: tokenCounter).ConfigureAwait(false);
        if (executing is null)
        {
            // Another confirmation claimed it: the verified code still ends the run of failures.
            var refused = new AuthChanges().ResetCounter(tokenCounter).Append(_audit.Entry(user.Actor, Action, user.Principal, AuditOutcome.Refused, MessageCode.TransferNotConfirmable));
            _ = await _commits.CommitRetryingAsync(refused, cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<Transfer>(MessageCode.TransferNotConfirmable);
        }

        // Permission and limits as they are now (the administrator may have changed them since review),
        // on the rows this confirmation loaded and checked.
        var day = TransferTotals.Day(executing);
        var amount = executing.Details.Quote.Amount;
        // The day's totals are not read here: the reservation below decides them atomically.
        var check = await CheckLimitsAsync(contract, record, executing.Details.DebitAccount, amount, day, cancellationToken, readTotals: false).ConfigureAwait(false);
        if (!check.Result.Succeeded)
        {
            return await EndAsync(user, executing, TransferTrigger.Refused, check.Result.ErrorCode!.Value, "TransferAuthorise", AuditOutcome.Refused, cancellationToken).ConfigureAwait(false);
        }

        var reservations = check.Levels!.Select(l => new DailyTotalReservation(l.Key, l.Limit.PerDay)).ToList();
        if (!await _totals.TryReserveAsync(reservations, day, amount, cancellationToken).ConfigureAwait(false))
        {
            return await EndAsync(user, executing, TransferTrigger.Refused, MessageCode.DailyLimitExceeded, "TransferAuthorise", AuditOutcome.Refused, cancellationToken).ConfigureAwait(false);
        }

        var execution = await Executor.ExecuteAsync(executing, cancellationToken).ConfigureAwait(false);
        if (!execution.Accepted || string.IsNullOrEmpty(execution.Reference))
        {
            await _totals.ReleaseAsync(TransferTotals.Keys(executing), day, amount, cancellationToken).ConfigureAwait(false);
            return await EndAsync(user, executing, TransferTrigger.Failed, MessageCode.TransferExecutionRefused, "TransferAuthorise", AuditOutcome.Failed, cancellationToken).ConfigureAwait(false);
        }

        var authorised = executing with { State = TransferLifecycle.Next(executing.State, TransferTrigger.Authorised), ExecutionReference = execution.Reference, UpdatedAt = _clock.Now };
        var stored = await PutAsync(authorised, _audit.Entry(user.Actor, "TransferAuthorised", user.Principal, AuditOutcome.Succeeded), null, cancellationToken).ConfigureAwait(false);
        return stored is not null ? AuthResult.Ok(stored) : AuthResult.Fail<Transfer>(MessageCode.ConcurrencyConflict);
    }

    /// <summary>
    /// 資金移動先予約取消: cancels an authorised transfer scheduled for a later day, releases its daily
    /// totals and notifies the user.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="transferId">The scheduled transfer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cancelled transfer, or <see cref="MessageCode.TransferNotFound"/> / <see cref="MessageCode.TransferNotCancellable"/>.</returns>
    public async ValueTask<AuthResult<Transfer>> CancelAsync(SignedInUser user, Guid transferId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        const string Action = "TransferCancel";
        var transfer = await _transfers.FindAsync(transferId, cancellationToken).ConfigureAwait(false);
        if (transfer is null || transfer.User != user.Principal)
        {
            return AuthResult.Fail<Transfer>(MessageCode.TransferNotFound);
        }

        var (contract, record) = await LoadAsync(user, cancellationToken).ConfigureAwait(false);
        if (await _callers.RefusalAsync(user, contract, record, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return await RefuseAsync<Transfer>(Action, user, AuthResult.Fail(refusal), cancellationToken).ConfigureAwait(false);
        }

        if (transfer.State != TransferState.Authorised || TransferTotals.Day(transfer) <= _clock.Today
            || !await Executor.CancelAsync(transfer, cancellationToken).ConfigureAwait(false))
        {
            return await RefuseAsync<Transfer>(Action, user, AuthResult.Fail(MessageCode.TransferNotCancellable), cancellationToken).ConfigureAwait(false);
        }

        var notification = SecurityNotices.For(_clock.Now, SecurityEvent.ScheduledTransferCancelled, user.Principal, record!.Email);
        var cancelled = await PutAsync(transfer with { State = TransferLifecycle.Next(transfer.State, TransferTrigger.Cancelled), UpdatedAt = _clock.Now }, _audit.Entry(user.Actor, "TransferCancelled", user.Principal, AuditOutcome.Succeeded), notification, cancellationToken).ConfigureAwait(false);
        if (cancelled is null)
        {
            return AuthResult.Fail<Transfer>(MessageCode.ConcurrencyConflict);
        }

        await _totals.ReleaseAsync(TransferTotals.Keys(cancelled), TransferTotals.Day(cancelled), cancelled.Details.Quote.Amount, cancellationToken).ConfigureAwait(false);
        return AuthResult.Ok(cancelled);
    }

    /// <summary>
    /// Loads the caller's contract and user and checks the caller (state, accident, stamp, certificate),
    /// then permission, debit account and every limit for a transfer of <paramref name="amount"/>.
    /// </summary>
    private async ValueTask<TransferCheck> CheckAsync(SignedInUser user, string? debitAccount, long amount, DateOnly day, CancellationToken cancellationToken)
    {
        var (contract, record) = await LoadAsync(user, cancellationToken).ConfigureAwait(false);
        return await _callers.RefusalAsync(user, contract, record, cancellationToken).ConfigureAwait(false) is { } refusal
            ? new(AuthResult.Fail(refusal))
            : await CheckLimitsAsync(contract!, record!, debitAccount, amount, day, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Permission, debit account and every limit, on rows already loaded and checked: with the day's
    /// totals read, or (<paramref name="readTotals"/> false, when an atomic reservation follows) the
    /// per-transfer limits and each daily limit against the amount alone.
    /// </summary>
    private async ValueTask<TransferCheck> CheckLimitsAsync(Contract contract, User user, string? debitAccount, long amount, DateOnly day, CancellationToken cancellationToken, bool readTotals = true)
    {
        var settings = await SettingsAsync(contract.Id, cancellationToken).ConfigureAwait(false);
        if (!settings.EnabledServices.Contains(BankServices.Transfers, StringComparer.Ordinal) || !user.GrantedServices.Contains(BankServices.Transfers, StringComparer.Ordinal))
        {
            return new(AuthResult.Fail(MessageCode.ServiceNotPermitted));
        }

        if (settings.FindDebitAccount(debitAccount) is not { } account)
        {
            return new(AuthResult.Fail(MessageCode.DebitAccountNotFound));
        }

        var levels = TransferTotals.Levels(user, settings, account);
        var used = readTotals ? await _totals.GetUsedAsync([.. levels.Select(l => l.Key)], day, cancellationToken).ConfigureAwait(false) : new long[levels.Count];
        var limits = TransferLimits.Check(amount, [.. levels.Select((l, i) => new LimitUsage(l.Limit, used[i]))]);
        return limits.Succeeded ? new(AuthResult.Success, settings, account, levels) : new(limits);
    }

    private async ValueTask<(Contract? Contract, User? User)> LoadAsync(SignedInUser user, CancellationToken cancellationToken)
    {
        var record = await _principals.FindAsync(user.Principal, cancellationToken).ConfigureAwait(false);
        return (record?.Contract, record?.User);
    }

    private async ValueTask<ContractSettings> SettingsAsync(ContractId contractId, CancellationToken cancellationToken) =>
        await _settings.FindAsync(contractId, cancellationToken).ConfigureAwait(false) ?? ContractSettings.Empty(contractId);

    /// <summary>Stores <paramref name="next"/> with its audit record (and notification) in one commit; <see langword="null"/> on a conflict.</summary>
    private async ValueTask<Transfer?> PutAsync(Transfer next, AuditEntry audit, SecurityNotification? notification, CancellationToken cancellationToken, string? resetCounter = null)
    {
        var changes = new AuthChanges().Put(next).Append(audit);
        if (resetCounter is not null)
        {
            changes.ResetCounter(resetCounter);
        }

        CredentialGuard.Enqueue(changes, notification);
        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? next with { Version = next.Version + 1 }
            : null;
    }

    /// <summary>Ends a transfer as refused or failed, audited in the same commit, and answers <paramref name="code"/>.</summary>
    private async ValueTask<AuthResult<Transfer>> EndAsync(SignedInUser user, Transfer transfer, TransferTrigger trigger, MessageCode code, string action, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        var actor = user.Actor;
        var ended = transfer with { State = TransferLifecycle.Next(transfer.State, trigger), RefusalCode = code, UpdatedAt = _clock.Now };
        if (await PutAsync(ended, _audit.Entry(user.Actor, action, transfer.User, outcome, code), null, cancellationToken).ConfigureAwait(false) is null)
        {
            await _audit.AppendAsync(_audit.Entry(user.Actor, action, transfer.User, outcome, code), cancellationToken).ConfigureAwait(false);
        }

        return AuthResult.Fail<Transfer>(code);
    }

    /// <summary>Audits a refusal (the first error's code) and answers it.</summary>
    private async ValueTask<AuthResult<T>> RefuseAsync<T>(string action, SignedInUser user, AuthResult result, CancellationToken cancellationToken)
    {
        await _audit.AppendAsync(_audit.Entry(user.Actor, action, user.Principal, AuditOutcome.Refused, result.ErrorCode), cancellationToken).ConfigureAwait(false);
        return AuthResult.Fail<T>(result.Errors);
    }

    private static bool SameEntry(Transfer transfer, TransferRequest request, DateOnly date)
    {
        var d = transfer.Details;
        return string.Equals(d.DebitAccount, request.DebitAccount, StringComparison.Ordinal)
            && string.Equals(d.PayeeBankCode, request.PayeeBankCode, StringComparison.Ordinal)
            && string.Equals(d.PayeeBranchCode, request.PayeeBranchCode, StringComparison.Ordinal)
            && d.PayeeAccountType == request.PayeeAccountType
            && string.Equals(d.PayeeAccountNumber, request.PayeeAccountNumber, StringComparison.Ordinal)
            && string.Equals(d.PayeeName, request.PayeeName, StringComparison.Ordinal)
            && d.Quote.Amount == request.Amount
            && d.FeeBearer == request.FeeBearer
            && d.ExecutionDate == date;
    }

    private readonly record struct TransferCheck(AuthResult Result, ContractSettings? Settings = null, DebitAccount? Account = null, IReadOnlyList<(string Key, TransferLimit Limit)>? Levels = null);
}
