using Microsoft.Extensions.DependencyInjection;
using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Transactions;

/// <summary>利用者9-1 … 9-2: draft, review, token confirmation, authorisation, cancellation (issue 8).</summary>
public sealed class TransferFlowTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_h.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    [Theory]
    [InlineData("")]
    [InlineData("key with spaces")]
    [InlineData("キー")]
    public async Task An_invalid_idempotency_key_is_an_input_error_not_already_accepted(string key)
    {
        var s = await TransferScenario.CreateAsync(_h);
        var result = await s.Transfers.DraftAsync(s.User, s.Request(10_000, key: key));

        Assert.Contains(result.Errors, e => e.Code == MessageCode.IdempotencyKeyInvalid);
        Assert.DoesNotContain(result.Errors, e => e.Code == MessageCode.IdempotencyKeyReused);
    }

    [Fact]
    public async Task A_reviewed_transfer_confirmed_with_the_token_is_authorised_once_and_audited()
    {
        var s = await TransferScenario.CreateAsync(_h, userLimit: new(1_000_000, 2_000_000));
        var draft = await s.Transfers.DraftAsync(s.User, s.Request(50_000));
        Assert.True(draft.Succeeded, draft.ToString());
        Assert.Equal(new TransferQuote(50_000, 0, 50_000, 550, 50_550), draft.Value.Details.Quote);
        Assert.Equal(PayeeRelation.OtherBank, draft.Value.PayeeRelation);

        var review = await s.Transfers.ReviewAsync(s.User, draft.Value.Id);
        Assert.True(review.Succeeded, review.ToString());
        Assert.Equal(TransferState.Reviewed, review.Value.Transfer.State);
        Assert.Equal(draft.Value.Details.ComputeDigest(), review.Value.Transfer.ReviewedDigest);

        var confirmed = await s.Transfers.ConfirmAsync(s.User, draft.Value.Id, TestHardwareToken.Code);
        Assert.True(confirmed.Succeeded, confirmed.ToString());
        Assert.Equal(TransferState.Authorised, confirmed.Value.State);
        Assert.NotNull(confirmed.Value.ExecutionReference);
        Assert.Equal(1, _h.Executor.Executions[draft.Value.Id]);
        Assert.Equal(TransferState.Authorised, (await s.Transfers.GetAsync(s.User, draft.Value.Id)).Value.State);
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "TransferAuthorised" && a.Outcome == AuditOutcome.Succeeded && a.Subject == s.UserPrincipal);
    }

    [Fact]
    public async Task Replaying_a_confirmation_or_the_idempotency_key_never_authorises_twice()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var request = s.Request(10_000, key: "form-1");
        var first = await s.TransferAsync(request);
        Assert.True(first.Succeeded, first.ToString());

        var replay = await s.Transfers.ConfirmAsync(s.User, first.Value.Id, TestHardwareToken.Code);
        Assert.Equal(MessageCode.TransferNotConfirmable, replay.ErrorCode);
        var again = await s.Transfers.DraftAsync(s.User, request);
        Assert.Equal(first.Value.Id, again.Value.Id);
        Assert.Equal(TransferState.Authorised, again.Value.State);
        Assert.Equal(MessageCode.IdempotencyKeyReused, (await s.Transfers.DraftAsync(s.User, s.Request(10_001, key: "form-1"))).ErrorCode);
        Assert.Equal(1, _h.Executor.Executions[first.Value.Id]);
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "TransferConfirm" && a.Outcome == AuditOutcome.Refused && a.Detail == nameof(MessageCode.TransferNotConfirmable));
    }

    [Fact]
    public async Task Parallel_confirmations_of_one_transfer_execute_it_once()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var reviewed = await s.DraftAndReviewAsync(s.Request(10_000));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, TestHardwareToken.Code))));
        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, _h.Executor.Executions[reviewed.Value.Id]);
    }

    [Fact]
    public async Task A_transfer_changed_after_review_cannot_be_confirmed()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var reviewed = await s.DraftAndReviewAsync(s.Request(10_000));
        var stored = (await s.Transfers.GetAsync(s.User, reviewed.Value.Id)).Value;
        // Tampered in the store (or by a host bug): the amount and what is debited change, the review does not.
        var tampered = stored with { Details = stored.Details with { Quote = stored.Details.Quote with { Amount = 990_000, PayeeReceives = 990_000, Debited = 990_550 } } };
        Assert.Equal(CommitOutcome.Committed, await _h.Get<IAuthUnitOfWork>().CommitAsync(new AuthChanges().Put(tampered), default));

        var confirmed = await s.Transfers.ConfirmAsync(s.User, stored.Id, TestHardwareToken.Code);
        Assert.Equal(MessageCode.TransferChangedAfterReview, confirmed.ErrorCode);
        Assert.Equal(TransferState.Refused, (await s.Transfers.GetAsync(s.User, stored.Id)).Value.State);
        Assert.Empty(_h.Executor.Executions);
        Assert.Equal(0, _h.TransferConfirmations.Evaluations);
    }

    [Fact]
    public async Task A_changed_payee_gives_another_digest_so_the_token_confirmation_refuses_it_too()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var reviewed = await s.DraftAndReviewAsync(s.Request(10_000));
        var changed = reviewed.Value.Details with { PayeeAccountNumber = "0000001" };
        var verdict = await _h.TransferConfirmations.ConfirmAsync(reviewed.Value.ConfirmationId!.Value, s.UserPrincipal, changed.ComputeDigest(), TestHardwareToken.Code, default);
        Assert.Equal(SecondFactorResult.Rejected, verdict.Result);
    }

    [Fact]
    public async Task Confirming_after_the_review_expired_is_refused_and_a_new_review_works()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var reviewed = await s.DraftAndReviewAsync(s.Request(10_000));
        _h.Time.Advance(TestTransferConfirmations.Lifetime);

        var late = await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, TestHardwareToken.Code);
        Assert.Equal(MessageCode.TransferReviewExpired, late.ErrorCode);
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "TransferConfirm" && a.Outcome == AuditOutcome.Refused && a.Detail == nameof(MessageCode.TransferReviewExpired));

        Assert.True((await s.Transfers.ReviewAsync(s.User, reviewed.Value.Id)).Succeeded);
        Assert.True((await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, TestHardwareToken.Code)).Succeeded);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("account")]
    [InlineData("contract")]
    public async Task Exceeding_a_per_transfer_limit_by_one_yen_is_refused_at_every_level(string level)
    {
        TransferLimit limit = new(100_000, null);
        var s = await TransferScenario.CreateAsync(_h,
            userLimit: level == "user" ? limit : null, accountLimit: level == "account" ? limit : null, contractLimit: level == "contract" ? limit : null);

        var over = await s.Transfers.DraftAsync(s.User, s.Request(100_001));
        Assert.Equal(MessageCode.TransferLimitExceeded, over.ErrorCode);
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "TransferDraft" && a.Outcome == AuditOutcome.Refused && a.Detail == nameof(MessageCode.TransferLimitExceeded));
        Assert.True((await s.TransferAsync(s.Request(100_000))).Succeeded);
    }

    [Fact]
    public async Task The_daily_limit_counts_authorised_transfers_of_the_business_day_and_a_new_day_starts_at_zero()
    {
        var s = await TransferScenario.CreateAsync(_h, accountLimit: new(null, 100_000));
        Assert.True((await s.TransferAsync(s.Request(60_000))).Succeeded);
        Assert.Equal(MessageCode.DailyLimitExceeded, (await s.TransferAsync(s.Request(40_001))).ErrorCode);
        Assert.True((await s.TransferAsync(s.Request(40_000))).Succeeded);

        // 2026-11-25 10:00 JST + 14 h = 26th 00:00 JST: the next business day.
        _h.Time.Advance(TimeSpan.FromHours(14));
        Assert.True((await s.TransferAsync(s.Request(100_000))).Succeeded);
    }

    [Fact]
    public async Task A_limit_lowered_between_review_and_confirmation_refuses_the_transfer()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var reviewed = await s.DraftAndReviewAsync(s.Request(50_000));
        Assert.True((await _h.Get<OptionalSettings>().SetContractLimitAsync(s.Admin, new(null, 49_999), AuthHarness.AdminConfirmationPin)).Succeeded);

        var confirmed = await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, TestHardwareToken.Code);
        Assert.Equal(MessageCode.DailyLimitExceeded, confirmed.ErrorCode);
        Assert.Equal(TransferState.Refused, (await s.Transfers.GetAsync(s.User, reviewed.Value.Id)).Value.State);
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "TransferAuthorise" && a.Outcome == AuditOutcome.Refused);
    }

    [Fact]
    public async Task A_user_without_the_permission_is_refused()
    {
        var s = await TransferScenario.CreateAsync(_h);
        Assert.True((await _h.Get<UserAdministration>().ChangeAsync(s.Admin, s.User.UserId,
            new UserChange { NameKana = "ヤマダ タロウ", GrantedServices = [BankServices.BalanceInquiry] }, AuthHarness.AdminConfirmationPin)).Succeeded);

        // The change renewed the user's security stamp: the old session is stale, a new sign-in is refused the service.
        Assert.Equal(MessageCode.SessionEnded, (await s.Transfers.DraftAsync(s.User, s.Request(1_000))).ErrorCode);
        await s.SignInUserAsync();
        var draft = await s.Transfers.DraftAsync(s.User, s.Request(1_000));
        Assert.Equal(MessageCode.ServiceNotPermitted, draft.ErrorCode);
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "TransferDraft" && a.Outcome == AuditOutcome.Refused && a.Detail == nameof(MessageCode.ServiceNotPermitted));
    }

    [Fact]
    public async Task A_service_the_bank_withdrew_cannot_be_used_even_if_granted()
    {
        var s = await TransferScenario.CreateAsync(_h);
        Assert.True((await _h.Get<BankOperations>().SetContractServicesAsync(_h.Operator, s.Contract, [BankServices.BalanceInquiry])).Succeeded);
        Assert.Equal(MessageCode.ServiceNotPermitted, (await s.Transfers.DraftAsync(s.User, s.Request(1_000))).ErrorCode);
        Assert.Contains(await s.Transfers.ListServicesAsync(s.User), g => g.Service.Id == BankServices.Transfers && !g.Usable);
    }

    [Fact]
    public async Task Granting_a_service_the_contract_lacks_is_refused()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var admin = s.Admin;
        var change = await _h.Get<UserAdministration>().ChangeAsync(admin, s.User.UserId,
            new UserChange { NameKana = "ヤマダ タロウ", GrantedServices = [BankServices.Transfers, BankServices.FileTransfer] }, AuthHarness.AdminConfirmationPin);
        Assert.Equal(MessageCode.ServiceNotContracted, change.ErrorCode);

        var register = await _h.Get<UserAdministration>().RegisterAsync(admin, new UserRegistration
        {
            UserId = "hanako",
            NameKana = "ヤマダ ハナコ",
            TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
            TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
            GrantedServices = [BankServices.FileTransfer],
        }, AuthHarness.AdminConfirmationPin);
        Assert.Equal(MessageCode.ServiceNotContracted, register.ErrorCode);
        Assert.Null(await _h.Store.FindAsync(s.Contract, AuthHarness.User("hanako"), default));

        var unknown = await _h.Get<UserAdministration>().ChangeAsync(admin, s.User.UserId,
            new UserChange { NameKana = "ヤマダ タロウ", GrantedServices = ["Forex"] }, AuthHarness.AdminConfirmationPin);
        Assert.Equal(MessageCode.ServiceUnknown, unknown.ErrorCode);
        var limitWithoutGrant = await _h.Get<UserAdministration>().ChangeAsync(admin, s.User.UserId,
            new UserChange { NameKana = "ヤマダ タロウ", ServiceLimits = new Dictionary<string, TransferLimit> { [BankServices.Transfers] = new(1, 1) } }, AuthHarness.AdminConfirmationPin);
        Assert.Equal(MessageCode.TransferLimitInvalid, limitWithoutGrant.ErrorCode);
    }

    [Theory]
    [InlineData(LockoutMode.Linked)]
    [InlineData(LockoutMode.Unlinked)]
    public async Task Seven_wrong_codes_lock_the_user_as_the_contract_mode_says(LockoutMode mode)
    {
        var s = await TransferScenario.CreateAsync(_h, mode: mode);
        var reviewed = await s.DraftAndReviewAsync(s.Request(10_000));
        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, "000000")).ErrorCode);
        }

        Assert.Equal(MessageCode.UserLocked, (await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, "000000")).ErrorCode);
        Assert.Equal(MessageCode.UserLocked, (await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, TestHardwareToken.Code)).ErrorCode);
        Assert.Equal(7, _h.TransferConfirmations.Evaluations);
        Assert.Equal(UserState.Suspended, (await _h.Store.FindAsync(s.Contract, s.User.UserId, default))!.State);
        Assert.Equal(mode == LockoutMode.Linked ? ContractState.Stopped : ContractState.Active, (await _h.Store.FindAsync(s.Contract, default))!.State);
        Assert.Empty(_h.Executor.Executions);
    }

    [Fact]
    public async Task A_confirmed_transfer_ends_the_run_of_wrong_token_codes_in_its_claim()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var reviewed = await s.DraftAndReviewAsync(s.Request(10_000));
        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, "000000")).ErrorCode);
        }

        Assert.Equal(6, await _h.Store.GetFailuresAsync(s.UserPrincipal, Credential.HardwareToken, _h.Time.GetUtcNow(), default));
        Assert.True((await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, TestHardwareToken.Code)).Succeeded);

        Assert.Equal(0, await _h.Store.GetFailuresAsync(s.UserPrincipal, Credential.HardwareToken, _h.Time.GetUtcNow(), default));
        Assert.Single(await _h.AuditAsync(), a => a.Action == "TransferConfirmed");
    }

    [Fact]
    public async Task A_request_aborted_after_the_code_verified_still_ends_with_the_transfer_authorised_and_recorded()
    {
        using var aborted = new CancellationTokenSource();
        var executor = new AbortingExecutor(aborted);
        using var h = AuthHarness.Create(services: s => s.AddSingleton<ITransferExecutor>(executor));
        var s = await TransferScenario.CreateAsync(h);
        var reviewed = await s.DraftAndReviewAsync(s.Request(10_000));

        // The bank's core system accepts the transfer while the customer's request goes away.
        var confirmed = await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, TestHardwareToken.Code, aborted.Token);

        Assert.True(confirmed.Succeeded, confirmed.ToString());
        Assert.Equal(TransferState.Authorised, (await s.Transfers.GetAsync(s.User, reviewed.Value.Id)).Value.State);
        Assert.Single(await h.AuditAsync(), a => a.Action == "TransferAuthorised");
        Assert.Equal(0, await h.Store.GetFailuresAsync(s.UserPrincipal, Credential.HardwareToken, h.Time.GetUtcNow(), default));
    }

    private sealed class AbortingExecutor(CancellationTokenSource aborted) : ITransferExecutor
    {
        public async ValueTask<TransferExecution> ExecuteAsync(Transfer transfer, CancellationToken cancellationToken)
        {
            await aborted.CancelAsync();
            return new TransferExecution(true, "CORE-0001");
        }

        public ValueTask<bool> CancelAsync(Transfer transfer, CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }

    [Fact]
    public async Task A_malformed_code_is_an_input_error_and_not_counted()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var reviewed = await s.DraftAndReviewAsync(s.Request(10_000));
        Assert.Equal(MessageCode.OneTimePasswordMalformed, (await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, "２４６８１０")).ErrorCode);
        Assert.Equal(0, _h.TransferConfirmations.Evaluations);
        Assert.True((await s.Transfers.ConfirmAsync(s.User, reviewed.Value.Id, TestHardwareToken.Code)).Succeeded);
    }

    [Fact]
    public async Task A_scheduled_transfer_can_be_cancelled_which_releases_its_totals_and_notifies_the_user()
    {
        var s = await TransferScenario.CreateAsync(_h, userLimit: new(null, 100_000));
        var tomorrow = Today.AddDays(1);
        var scheduled = await s.TransferAsync(s.Request(100_000, tomorrow));
        Assert.True(scheduled.Succeeded, scheduled.ToString());
        Assert.Equal(MessageCode.DailyLimitExceeded, (await s.Transfers.DraftAsync(s.User, s.Request(1, tomorrow))).ErrorCode);

        var cancelled = await s.Transfers.CancelAsync(s.User, scheduled.Value.Id);
        Assert.True(cancelled.Succeeded, cancelled.ToString());
        Assert.Equal(TransferState.Cancelled, cancelled.Value.State);
        Assert.True(_h.Executor.Cancelled.ContainsKey(scheduled.Value.Id));
        Assert.Contains(await _h.OutboxAsync(s.Contract), n => n.Event == SecurityEvent.ScheduledTransferCancelled && n.Recipient == s.UserPrincipal && n.EmailAddress == "taro@example.co.jp");
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "TransferCancelled" && a.Outcome == AuditOutcome.Succeeded);
        Assert.True((await s.TransferAsync(s.Request(100_000, tomorrow))).Succeeded);
        Assert.Equal(MessageCode.TransferNotCancellable, (await s.Transfers.CancelAsync(s.User, scheduled.Value.Id)).ErrorCode);
    }

    [Fact]
    public async Task A_transfer_for_today_cannot_be_cancelled()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var today = await s.TransferAsync(s.Request(1_000));
        Assert.Equal(MessageCode.TransferNotCancellable, (await s.Transfers.CancelAsync(s.User, today.Value.Id)).ErrorCode);
        Assert.DoesNotContain(await _h.OutboxAsync(s.Contract), n => n.Event == SecurityEvent.ScheduledTransferCancelled);
    }

    [Fact]
    public async Task A_refused_execution_fails_the_transfer_and_releases_its_totals()
    {
        var s = await TransferScenario.CreateAsync(_h, contractLimit: new(null, 10_000));
        _h.Executor.Refuse = true;
        var refused = await s.TransferAsync(s.Request(10_000));
        Assert.Equal(MessageCode.TransferExecutionRefused, refused.ErrorCode);
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "TransferAuthorise" && a.Outcome == AuditOutcome.Failed);
        _h.Executor.Refuse = false;
        Assert.True((await s.TransferAsync(s.Request(10_000))).Succeeded);
    }

    [Fact]
    public async Task Entry_errors_are_reported_together_and_not_audited_as_refusals()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var before = (await _h.AuditAsync()).Count;
        var bad = await s.Transfers.DraftAsync(s.User, new TransferRequest
        {
            IdempotencyKey = "entry-1", DebitAccount = TransferScenario.DebitAccountId, PayeeBankCode = "０００５", PayeeBranchCode = "123",
            PayeeAccountNumber = "7654321", PayeeName = "ｶ)ﾄｳｷｮｳ", Amount = 0, ExecutionDate = Today.AddDays(-1),
        });
        Assert.Equal([MessageCode.PayeeInvalid, MessageCode.TransferAmountInvalid, MessageCode.ExecutionDateInvalid], bad.Errors.Select(e => e.Code));
        Assert.Equal(before, (await _h.AuditAsync()).Count);
        Assert.Equal(MessageCode.ExecutionDateInvalid, (await s.Transfers.DraftAsync(s.User, s.Request(1, Today.AddDays(31)))).ErrorCode);
        Assert.Equal(MessageCode.DebitAccountNotFound, (await s.Transfers.DraftAsync(s.User, new TransferRequest
        {
            IdempotencyKey = "x", DebitAccount = "999-1-0000000", PayeeBankCode = "0005", PayeeBranchCode = "123", PayeeAccountNumber = "7654321", PayeeName = "ｶ)ﾄｳｷｮｳ", Amount = 1,
        })).ErrorCode);
    }

    [Fact]
    public async Task Same_branch_and_payee_borne_fees_come_from_the_masters()
    {
        var s = await TransferScenario.CreateAsync(_h);
        Assert.True((await _h.Get<OptionalSettings>().SetPayeeBorneFeesAsync(s.Admin, [new FeeBand(long.MaxValue, 0, 55, 440)], AuthHarness.AdminConfirmationPin)).Succeeded);
        var r = s.Request(30_000);
        var draft = await s.Transfers.DraftAsync(s.User, new TransferRequest
        {
            IdempotencyKey = r.IdempotencyKey, DebitAccount = r.DebitAccount, PayeeBankCode = "1286", PayeeBranchCode = "002", PayeeAccountType = PayeeAccountType.Current,
            PayeeAccountNumber = r.PayeeAccountNumber, PayeeName = r.PayeeName, Amount = 30_000, FeeBearer = FeeBearer.Payee,
        });
        Assert.Equal(PayeeRelation.SameBank, draft.Value.PayeeRelation);
        Assert.Equal(new TransferQuote(30_000, 55, 29_945, 110, 30_055), draft.Value.Details.Quote);
    }

    [Fact]
    public async Task The_read_APIs_show_grants_accounts_and_transfers_of_the_user_only()
    {
        var s = await TransferScenario.CreateAsync(_h, userLimit: new(500_000, 1_000_000), accountLimit: new(null, 3_000_000));
        var grants = await s.Transfers.ListServicesAsync(s.User);
        Assert.Equal([BankServices.BalanceInquiry, BankServices.Transfers], grants.Select(g => g.Service.Id));
        Assert.Equal(new TransferLimit(500_000, 1_000_000), grants.Single(g => g.Service.Id == BankServices.Transfers).Limit);
        Assert.Equal([TransferScenario.DebitAccountId], (await s.Transfers.ListDebitAccountsAsync(s.User)).Select(a => a.Id));

        var first = await s.TransferAsync(s.Request(1_000));
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await s.Transfers.DraftAsync(s.User, s.Request(2_000));
        Assert.Equal([TransferState.Drafted, TransferState.Authorised], (await s.Transfers.ListAsync(s.User)).Select(t => t.State));
        var other = await _h.ActiveUserAsync(s.Contract, await _h.RegisterUserAsync(s.Contract, "jiro", email: "jiro@example.co.jp"));
        Assert.Equal(MessageCode.TransferNotFound, (await s.Transfers.GetAsync(other, first.Value.Id)).ErrorCode);
        Assert.Equal(MessageCode.TransferNotFound, (await s.Transfers.ConfirmAsync(other, second.Value.Id, TestHardwareToken.Code)).ErrorCode);
        Assert.Empty(await s.Transfers.ListAsync(other));
    }
}
