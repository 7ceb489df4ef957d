using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BizWeb.Auth.Tests.Diagnostics;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BizWeb.Auth.Tests.Lockout;

/// <summary>
/// The lockout engine itself (SPEC §5), called directly: per outcome, the answer, the counter, the audit
/// record (a security record: every refused, failed and locking guess has one, with its message code),
/// the lock transitions in linked and unlinked mode, and the metrics, spans and log events it emits
/// (issue 22: these were the mutants of <see cref="CredentialGuard"/> no test killed). Metrics and spans
/// are process-wide, so they are counted only inside this test's own trace.
/// </summary>
public sealed class CredentialGuardTests : IDisposable
{
    private const string Action = "GuardCheck";
    private static readonly ActivitySource TestSource = new("BizWeb.Auth.Tests.Guard");
    private readonly CapturingLoggerFactory _logs = new();
    private readonly ConflictingUnitOfWork _unitOfWork;
    private readonly AuthHarness _h;
    private readonly ConcurrentQueue<(string Instrument, string Tags)> _measurements = new();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _tracing;
    private readonly Activity _root;
    private int _evaluations;

    public CredentialGuardTests()
    {
        _h = AuthHarness.Create(services: s => s
            .AddSingleton<ILoggerFactory>(_logs)
            .AddSingleton<IAuthUnitOfWork>(sp => new ConflictingUnitOfWork(sp.GetRequiredService<InMemoryAuthStore>())));
        _unitOfWork = (ConflictingUnitOfWork)_h.Get<IAuthUnitOfWork>();
        _tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "BizWeb.Auth" or "BizWeb.Auth.Tests.Guard",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == _root!.TraceId && a.Source.Name == "BizWeb.Auth")
                {
                    _spans.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_tracing);
        _root = TestSource.StartActivity("test")!;
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "BizWeb.Auth")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            // Recorded synchronously inside the guard's span: only this test's trace counts.
            if (Activity.Current?.TraceId == _root.TraceId)
            {
                _measurements.Enqueue((instrument.Name, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
            }
        });
        _meters.Start();
    }

    public void Dispose()
    {
        _root.Dispose();
        _meters.Dispose();
        _tracing.Dispose();
        _h.Dispose();
    }

    private CredentialGuard Guard => _h.Get<CredentialGuard>();

    private Func<CancellationToken, ValueTask<SecondFactorVerification>> Answer(SecondFactorVerification verification) => _ =>
    {
        _evaluations++;
        return ValueTask.FromResult(verification);
    };

    private async Task<Contract> ContractAsync(ContractId id) => (await _h.Store.FindAsync(id, default))!;

    private async Task<User> UserAsync(ContractId contract, UserId user) => (await _h.Store.FindAsync(contract, user, default))!;

    private async Task<GuardResult> CheckAsync(Contract contract, User? user, Credential credential, SecondFactorVerification answer, bool resetInCallersCommit = false) =>
        await Guard.CheckAsync(contract, user, credential, AuthHarness.Browser, Action, Answer(answer), default, resetInCallersCommit);

    private async Task<int> FailuresAsync(PrincipalId principal, Credential credential) =>
        await _h.Store.GetFailuresAsync(CounterKey.For(principal, credential), _h.Time.GetUtcNow(), default);

    /// <summary>The guard's audit records (its action) appended since <paramref name="from"/>, and the lock transitions.</summary>
    private async Task<List<AuditEntry>> AuditSinceAsync(int from) => [.. (await _h.AuditAsync()).Skip(from).Where(e => e.Action is Action or "ContractLocked" or "UserLocked")];

    /// <summary>Where the act begins: the audit records so far, and the spans, measurements and log lines of the set-up dropped.</summary>
    private async Task<int> MarkAsync()
    {
        _spans.Clear();
        _measurements.Clear();
        _logs.Lines.Clear();
        return (await _h.AuditAsync()).Count;
    }

    private async Task FailAsync(Contract contract, User? user, Credential credential, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(GuardOutcome.Failed, (await CheckAsync(contract, user, credential, SecondFactorVerification.Rejected)).Outcome);
        }
    }

    /// <summary>A contract in <paramref name="mode"/> with a registered user whose <paramref name="credential"/> failed six times in a row.</summary>
    private async Task<(ContractId Id, UserId Taro, User User, Contract Contract)> UserWithSixFailuresAsync(LockoutMode mode, Credential credential)
    {
        var (id, _) = await _h.ActiveContractAsync(mode);
        var taro = await _h.RegisterUserAsync(id);
        var user = await UserAsync(id, taro);
        var contract = await ContractAsync(id);
        await FailAsync(contract, user, credential, 6);
        return (id, taro, user, contract);
    }

    private async Task HoldAllAttemptsAsync(string key)
    {
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await _h.Store.TryReserveAttemptAsync(key, 7, _h.Time.GetUtcNow(), null, default)).Reserved);
        }
    }

    private int Count(string instrument, string tags) => _measurements.Count(m => m.Instrument == instrument && m.Tags == tags);

    private List<string?> Outcomes() => [.. _spans.Select(s => (string?)s.GetTagItem("bizweb.outcome"))];

    [Theory]
    [InlineData(Credential.RegistrationPin, MessageCode.AdminSignInFailed)]
    [InlineData(Credential.AdminLoginPin, MessageCode.AdminSignInFailed)]
    [InlineData(Credential.AdminConfirmationPin, MessageCode.ConfirmationPinIncorrect)]
    [InlineData(Credential.CustomerCard, MessageCode.OneTimePasswordIncorrect)]
    [InlineData(Credential.UserLoginPin, MessageCode.UserSignInFailed)]
    [InlineData(Credential.UserConfirmationPin, MessageCode.ConfirmationPinIncorrect)]
    [InlineData(Credential.HardwareToken, MessageCode.OneTimePasswordIncorrect)]
    public async Task A_wrong_guess_is_counted_audited_with_the_credentials_failure_code_measured_traced_and_logged(Credential credential, MessageCode code)
    {
        var (id, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(id);
        var user = await UserAsync(id, taro);
        var principal = credential is Credential.UserLoginPin or Credential.UserConfirmationPin or Credential.HardwareToken ? user.Principal : PrincipalId.Administrator(id);
        var from = await MarkAsync();

        var result = await CheckAsync(await ContractAsync(id), user, credential, SecondFactorVerification.Rejected);

        Assert.Equal(GuardOutcome.Failed, result.Outcome);
        Assert.Equal(1, _evaluations);
        Assert.Equal(1, await FailuresAsync(principal, credential));
        var entry = Assert.Single(await AuditSinceAsync(from));
        Assert.Equal((AuthHarness.Browser, Action, (PrincipalId?)principal, AuditOutcome.Failed, code.ToString()), (entry.Actor, entry.Action, entry.Subject, entry.Outcome, entry.Detail));
        Assert.Equal(1, Count("bizweb.auth.credential_failures", $"credential={credential}"));
        Assert.Equal(["Failed"], Outcomes());
        var span = Assert.Single(_spans);
        Assert.Equal(("BizWeb.Auth.CheckCredential", credential.ToString()), (span.OperationName, span.GetTagItem("bizweb.credential")));
        Assert.Contains(_logs.Lines, l => l.EventId == 1003 && l.Message == $"Wrong {credential} (1 consecutive)");
    }

    [Fact]
    public async Task The_seventh_consecutive_failure_of_a_contract_credential_stops_the_contract_with_audit_notice_metric_and_log()
    {
        var (id, _) = await _h.ActiveContractAsync();
        var contract = await ContractAsync(id);
        await FailAsync(contract, null, Credential.AdminLoginPin, 6);
        Assert.Equal(ContractState.Active, (await ContractAsync(id)).State);
        Assert.Equal(6, _logs.Lines.Count(l => l.EventId == 1003));
        var from = await MarkAsync();

        var result = await CheckAsync(contract, null, Credential.AdminLoginPin, SecondFactorVerification.Rejected);

        Assert.Equal(GuardOutcome.Locked, result.Outcome);
        Assert.Equal(ContractState.Stopped, (await ContractAsync(id)).State);
        var admin = PrincipalId.Administrator(id);
        Assert.Equal(
            [(AuditActor.System, "ContractLocked", (PrincipalId?)admin, AuditOutcome.Succeeded, "AdminLocked"), (AuthHarness.Browser, Action, admin, AuditOutcome.Failed, "AdminLocked")],
            (await AuditSinceAsync(from)).Select(e => (e.Actor, e.Action, e.Subject, e.Outcome, e.Detail)));
        Assert.Single(await _h.OutboxAsync(id), n => n.Event == SecurityEvent.AdminPinLocked);
        Assert.Equal(1, Count("bizweb.auth.locks", "credential=AdminLoginPin,scope=contract"));
        Assert.Equal(1, Count("bizweb.auth.credential_failures", "credential=AdminLoginPin"));
        Assert.Single(_logs.Lines, l => l.EventId == 1002 && l.Message == "Credential AdminLoginPin locked; scope contract");
        Assert.Equal("Locked", Outcomes()[^1]);
    }

    [Fact]
    public async Task In_linked_mode_a_users_seventh_failure_suspends_the_user_and_stops_the_contract()
    {
        var (id, taro, user, contract) = await UserWithSixFailuresAsync(LockoutMode.Linked, Credential.UserLoginPin);
        var from = await MarkAsync();

        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(contract, user, Credential.UserLoginPin, SecondFactorVerification.Rejected)).Outcome);

        Assert.Equal(UserState.Suspended, (await UserAsync(id, taro)).State);
        Assert.Equal(ContractState.Stopped, (await ContractAsync(id)).State);
        Assert.Equal(
            [(AuditActor.System, "UserLocked", (PrincipalId?)user.Principal, AuditOutcome.Succeeded, "UserLocked"), (AuditActor.System, "ContractLocked", PrincipalId.Administrator(id), AuditOutcome.Succeeded, "UserLocked"), (AuthHarness.Browser, Action, user.Principal, AuditOutcome.Failed, "UserLocked")],
            (await AuditSinceAsync(from)).Select(e => (e.Actor, e.Action, e.Subject, e.Outcome, e.Detail)));
        Assert.Single(await _h.OutboxAsync(id), n => n.Event == SecurityEvent.UserPinLocked);
        Assert.Equal(1, Count("bizweb.auth.locks", "credential=UserLoginPin,scope=user"));
        Assert.Equal(1, Count("bizweb.auth.locks", "credential=UserLoginPin,scope=contract"));
        Assert.Equal(["Credential UserLoginPin locked; scope user", "Credential UserLoginPin locked; scope contract"], _logs.Lines.Where(l => l.EventId == 1002).Select(l => l.Message));
    }

    [Fact]
    public async Task In_unlinked_mode_a_users_seventh_failure_suspends_the_user_only()
    {
        var (id, taro, user, contract) = await UserWithSixFailuresAsync(LockoutMode.Unlinked, Credential.HardwareToken);
        var from = await MarkAsync();

        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(contract, user, Credential.HardwareToken, SecondFactorVerification.Rejected)).Outcome);

        Assert.Equal(UserState.Suspended, (await UserAsync(id, taro)).State);
        Assert.Equal(ContractState.Active, (await ContractAsync(id)).State);
        Assert.Equal(["UserLocked", Action], (await AuditSinceAsync(from)).Select(e => e.Action));
        Assert.Equal(1, Count("bizweb.auth.locks", "credential=HardwareToken,scope=user"));
        Assert.Equal(0, _measurements.Count(m => m.Tags.Contains("scope=contract", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_lock_commit_retried_after_a_conflict_reports_each_scope_once()
    {
        var (id, taro, user, contract) = await UserWithSixFailuresAsync(LockoutMode.Linked, Credential.UserLoginPin);
        _unitOfWork.ConflictsToAnswer = 1; // the lock's commit, the first one of the seventh guess

        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(contract, user, Credential.UserLoginPin, SecondFactorVerification.Rejected)).Outcome);

        Assert.Equal(0, _unitOfWork.ConflictsToAnswer);
        Assert.Equal(UserState.Suspended, (await UserAsync(id, taro)).State);
        Assert.Equal(1, Count("bizweb.auth.locks", "credential=UserLoginPin,scope=user"));
        Assert.Equal(1, Count("bizweb.auth.locks", "credential=UserLoginPin,scope=contract"));
        Assert.Equal(2, _logs.Lines.Count(l => l.EventId == 1002));
    }

    [Fact]
    public async Task A_lock_commit_that_conflicts_every_time_is_given_up_and_reports_no_lock()
    {
        var (id, taro, user, contract) = await UserWithSixFailuresAsync(LockoutMode.Linked, Credential.UserLoginPin);
        var from = await MarkAsync();
        _unitOfWork.ConflictsToAnswer = new BizWebOptions().MaxCommitAttempts; // every attempt of the lock's commit

        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(contract, user, Credential.UserLoginPin, SecondFactorVerification.Rejected)).Outcome);

        Assert.Equal(UserState.Registered, (await UserAsync(id, taro)).State);
        Assert.Equal(ContractState.Active, (await ContractAsync(id)).State);
        Assert.Equal([Action], (await AuditSinceAsync(from)).Select(e => e.Action));
        Assert.DoesNotContain(_measurements, m => m.Instrument == "bizweb.auth.locks");
        Assert.DoesNotContain(_logs.Lines, l => l.EventId == 1002);
        Assert.Contains(_logs.Lines, l => l.EventId == 1004);
    }

    [Fact]
    public async Task A_seventh_failure_with_nothing_left_to_lock_reports_no_lock()
    {
        var (id, _) = await _h.ActiveContractAsync();
        var stale = await ContractAsync(id);
        await FailAsync(stale, null, Credential.AdminLoginPin, 6);
        await _h.Store.CommitAsync(new AuthChanges().Put((await ContractAsync(id)).TryApply(ContractTrigger.Locked, out var stopped) ? stopped : throw new InvalidOperationException()), default);
        var from = await MarkAsync();
        _unitOfWork.Commits = 0;

        // The caller loaded the contract before another server stopped it.
        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(stale, null, Credential.AdminLoginPin, SecondFactorVerification.Rejected)).Outcome);

        Assert.Equal(1, _unitOfWork.Commits); // the guess's audit record only: an empty lock is not committed
        Assert.Equal([Action], (await AuditSinceAsync(from)).Select(e => e.Action));
        Assert.Equal(0, Count("bizweb.auth.locks", "credential=AdminLoginPin,scope=contract"));
        Assert.DoesNotContain(_logs.Lines, l => l.EventId == 1002);
    }

    [Fact]
    public async Task A_right_guess_resets_the_counter_unless_the_caller_resets_it_in_its_own_commit_and_is_not_audited_here()
    {
        var (id, _) = await _h.ActiveContractAsync();
        var contract = await ContractAsync(id);
        var admin = PrincipalId.Administrator(id);
        await FailAsync(contract, null, Credential.AdminConfirmationPin, 3);
        var from = await MarkAsync();

        Assert.Equal(GuardOutcome.Verified, (await CheckAsync(contract, null, Credential.AdminConfirmationPin, SecondFactorVerification.Verified, resetInCallersCommit: true)).Outcome);
        Assert.Equal(4, await FailuresAsync(admin, Credential.AdminConfirmationPin)); // reserved, left for the caller's commit

        Assert.Equal(GuardOutcome.Verified, (await CheckAsync(contract, null, Credential.AdminConfirmationPin, SecondFactorVerification.Verified)).Outcome);
        Assert.Equal(0, await FailuresAsync(admin, Credential.AdminConfirmationPin));
        Assert.Empty(await AuditSinceAsync(from));
        Assert.Equal(["Verified", "Verified"], Outcomes());
        Assert.Empty(_measurements);
    }

    [Fact]
    public async Task A_replayed_code_gives_its_attempt_back_is_audited_as_replayed_and_never_counted_or_locks()
    {
        var (id, taro, user, contract) = await UserWithSixFailuresAsync(LockoutMode.Linked, Credential.HardwareToken);
        var from = await MarkAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(GuardOutcome.Replayed, (await CheckAsync(contract, user, Credential.HardwareToken, SecondFactorVerification.Replayed)).Outcome);
        }

        Assert.Equal(6, await FailuresAsync(user.Principal, Credential.HardwareToken));
        Assert.Equal(UserState.Registered, (await UserAsync(id, taro)).State);
        Assert.All(await AuditSinceAsync(from), e => Assert.Equal((AuditOutcome.Refused, "OneTimePasswordReplayed"), (e.Outcome, e.Detail)));
        Assert.Equal(3, (await AuditSinceAsync(from)).Count);
        Assert.Empty(_measurements);
        Assert.DoesNotContain(_logs.Lines, l => l.EventId == 1003);
        Assert.Equal("Replayed", Outcomes()[^1]);
    }

    [Theory]
    [InlineData(Credential.AdminLoginPin, "AdminLocked")]
    [InlineData(Credential.CustomerCard, "AdminLocked")]
    [InlineData(Credential.UserLoginPin, "UserLocked")]
    public async Task A_guess_at_a_stopped_contract_is_refused_unevaluated_with_the_locked_code(Credential credential, string code)
    {
        var (id, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(id);
        var user = await UserAsync(id, taro);
        Assert.True((await ContractAsync(id)).TryApply(ContractTrigger.Locked, out var stopped));
        var from = await MarkAsync();

        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(stopped, user, credential, SecondFactorVerification.Verified)).Outcome);

        Assert.Equal(0, _evaluations);
        var entry = Assert.Single(await AuditSinceAsync(from));
        Assert.Equal((AuditOutcome.Refused, code), (entry.Outcome, entry.Detail));
        Assert.Equal(["Locked"], Outcomes());
    }

    [Fact]
    public async Task A_suspended_user_is_refused_for_user_credentials_but_the_administrators_credentials_still_evaluate()
    {
        var (id, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(id);
        Assert.True((await UserAsync(id, taro)).TryApply(UserTrigger.Suspended, _h.Time.GetUtcNow(), out var suspended));
        var contract = await ContractAsync(id);
        var from = await MarkAsync();

        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(contract, suspended, Credential.UserConfirmationPin, SecondFactorVerification.Verified)).Outcome);
        Assert.Equal(0, _evaluations);
        Assert.Equal((AuditOutcome.Refused, "UserLocked"), (await AuditSinceAsync(from)).Select(e => (e.Outcome, e.Detail)).Single());

        Assert.Equal(GuardOutcome.Verified, (await CheckAsync(contract, suspended, Credential.AdminConfirmationPin, SecondFactorVerification.Verified)).Outcome);
        Assert.Equal(1, _evaluations);
    }

    [Theory]
    [InlineData(Credential.AdminLoginPin)]
    [InlineData(Credential.UserLoginPin)]
    public async Task With_every_attempt_in_flight_and_no_lock_in_place_the_guess_answers_busy_unevaluated(Credential credential)
    {
        var (id, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(id);
        var user = await UserAsync(id, taro);
        var principal = credential == Credential.UserLoginPin ? user.Principal : PrincipalId.Administrator(id);
        await HoldAllAttemptsAsync(CounterKey.For(principal, credential));
        var from = await MarkAsync();

        Assert.Equal(GuardOutcome.Busy, (await CheckAsync(await ContractAsync(id), user, credential, SecondFactorVerification.Verified)).Outcome);

        Assert.Equal(0, _evaluations);
        var entry = Assert.Single(await AuditSinceAsync(from));
        Assert.Equal((principal, AuditOutcome.Refused, "CredentialBusy"), (entry.Subject!.Value, entry.Outcome, entry.Detail));
        Assert.Equal(["Busy"], Outcomes());
        Assert.Empty(_measurements);
    }

    [Fact]
    public async Task With_every_attempt_taken_and_the_lock_in_place_since_the_callers_load_the_guess_answers_locked()
    {
        var (id, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(id);
        var loadedUser = await UserAsync(id, taro);
        var loadedContract = await ContractAsync(id);
        await FailAsync(loadedContract, loadedUser, Credential.UserLoginPin, 6);
        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(loadedContract, loadedUser, Credential.UserLoginPin, SecondFactorVerification.Rejected)).Outcome);
        var from = await MarkAsync();

        // The same request loaded the user before the lock: the refusal reads the lock again.
        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(loadedContract, loadedUser, Credential.UserLoginPin, SecondFactorVerification.Verified)).Outcome);
        Assert.Equal((AuditOutcome.Refused, "UserLocked"), (await AuditSinceAsync(from)).Select(e => (e.Outcome, e.Detail)).Single());

        // The administrator's credential of that contract is not locked by the user's suspension.
        await HoldAllAttemptsAsync(CounterKey.For(PrincipalId.Administrator(id), Credential.AdminLoginPin));
        Assert.Equal(GuardOutcome.Busy, (await CheckAsync(loadedContract, loadedUser, Credential.AdminLoginPin, SecondFactorVerification.Verified)).Outcome);
        Assert.Equal(7, _evaluations);
    }

    [Fact]
    public async Task With_every_attempt_taken_and_the_contract_stopped_or_gone_since_the_callers_load_the_guess_answers_locked()
    {
        var (id, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(id);
        var user = await UserAsync(id, taro);
        var loaded = await ContractAsync(id);
        await HoldAllAttemptsAsync(CounterKey.For(user.Principal, Credential.UserLoginPin));
        Assert.True(loaded.TryApply(ContractTrigger.Locked, out var stopped));
        Assert.Equal(CommitOutcome.Committed, await _h.Store.CommitAsync(new AuthChanges().Put(stopped), default));

        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(loaded, user, Credential.UserLoginPin, SecondFactorVerification.Verified)).Outcome);

        var missing = loaded with { Id = AuthHarness.Parse("98765432109") };
        await HoldAllAttemptsAsync(CounterKey.For(PrincipalId.Administrator(missing.Id), Credential.AdminLoginPin));
        Assert.Equal(GuardOutcome.Locked, (await CheckAsync(missing, null, Credential.AdminLoginPin, SecondFactorVerification.Verified)).Outcome);
        Assert.Equal(0, _evaluations);
    }

    [Fact]
    public async Task A_guess_at_a_user_of_a_stopped_contract_is_refused_in_the_administrators_name_with_the_locked_code()
    {
        var typed = PrincipalId.User(AuthHarness.DefaultContract, AuthHarness.User("jiro"));
        var from = await MarkAsync();

        Assert.Equal(GuardOutcome.Locked, (await Guard.RefuseStoppedAsync(typed, Credential.UserLoginPin, AuthHarness.Browser, Action, default)).Outcome);

        var entry = Assert.Single(await AuditSinceAsync(from));
        Assert.Equal(((PrincipalId?)PrincipalId.Administrator(AuthHarness.DefaultContract), AuditOutcome.Refused, "UserLocked"), (entry.Subject, entry.Outcome, entry.Detail));
        Assert.Equal(["Locked"], Outcomes());
        Assert.Equal("UserLoginPin", Assert.Single(_spans).GetTagItem("bizweb.credential"));
    }

    [Fact]
    public async Task An_unknown_identifier_costs_the_same_evaluation_is_counted_apart_and_answers_locked_from_the_seventh_guess()
    {
        var typed = PrincipalId.User(AuthHarness.DefaultContract, AuthHarness.User("jiro"));
        var dummies = 0;
        var from = await MarkAsync();

        var outcomes = new List<GuardOutcome>();
        for (var i = 0; i < 8; i++)
        {
            outcomes.Add((await Guard.CheckUnknownAsync(typed, Credential.UserLoginPin, AuthHarness.Browser, Action, () => dummies++, default)).Outcome);
        }

        Assert.Equal([.. Enumerable.Repeat(GuardOutcome.Failed, 6), GuardOutcome.Locked, GuardOutcome.Locked], outcomes);
        Assert.Equal(7, dummies);
        var audit = await AuditSinceAsync(from);
        Assert.All(audit, e => Assert.Null(e.Subject));
        Assert.Equal(
            [.. Enumerable.Repeat((AuditOutcome.Failed, "UserSignInFailed"), 6), (AuditOutcome.Refused, "UserLocked"), (AuditOutcome.Refused, "UserLocked")],
            audit.Select(e => (e.Outcome, e.Detail)));
        Assert.Equal(7, Count("bizweb.auth.credential_failures", "credential=UserLoginPin"));
        Assert.Equal([.. Enumerable.Repeat("Failed", 6), "Locked", "Locked"], Outcomes());
        Assert.Equal(0, await _h.Store.GetFailuresAsync(CounterKey.For(typed, Credential.UserLoginPin), _h.Time.GetUtcNow(), default));

        // Forgotten after the window (SPEC §5: the unknown-id counter expires).
        _h.Time.Advance(new LockoutOptions().UnknownPrincipalFailureWindow + TimeSpan.FromMinutes(1));
        Assert.Equal(GuardOutcome.Failed, (await Guard.CheckUnknownAsync(typed, Credential.UserLoginPin, AuthHarness.Browser, Action, () => dummies++, default)).Outcome);
    }

    [Fact]
    public async Task An_unknown_identifier_with_every_attempt_in_flight_answers_busy_unevaluated()
    {
        var typed = PrincipalId.Administrator(AuthHarness.DefaultContract);
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await _h.Store.TryReserveAttemptAsync(CounterKey.ForUnknown(typed, Credential.RegistrationPin), 7, _h.Time.GetUtcNow(), _h.Time.GetUtcNow().AddDays(1), default)).Reserved);
        }

        var from = await MarkAsync();
        var dummies = 0;

        Assert.Equal(GuardOutcome.Busy, (await Guard.CheckUnknownAsync(typed, Credential.RegistrationPin, AuthHarness.Browser, Action, () => dummies++, default)).Outcome);

        Assert.Equal(0, dummies);
        Assert.Equal((AuditOutcome.Refused, "CredentialBusy"), (await AuditSinceAsync(from)).Select(e => (e.Outcome, e.Detail)).Single());
        Assert.Equal(["Busy"], Outcomes());
    }

    [Theory]
    [InlineData(LockoutMode.Linked, ContractState.Stopped)]
    [InlineData(LockoutMode.Unlinked, ContractState.Active)]
    public async Task An_unknown_user_ids_seventh_guess_stops_its_contract_in_linked_mode_only(LockoutMode mode, ContractState expected)
    {
        var (id, _) = await _h.ActiveContractAsync(mode);
        var contract = await ContractAsync(id);
        var typed = PrincipalId.User(id, AuthHarness.User("jiro"));

        for (var i = 0; i < 7; i++)
        {
            await Guard.CheckUnknownAsync(typed, Credential.UserLoginPin, AuthHarness.Browser, Action, () => { }, default, contract);
        }

        Assert.Equal(expected, (await ContractAsync(id)).State);
        Assert.Equal(mode == LockoutMode.Linked ? 1 : 0, Count("bizweb.auth.locks", "credential=UserLoginPin,scope=contract"));
    }

    [Fact]
    public async Task An_unknown_guess_at_an_administrator_credential_of_a_linked_contract_locks_nothing_real()
    {
        var (id, _) = await _h.ActiveContractAsync(LockoutMode.Linked);
        var contract = await ContractAsync(id);

        for (var i = 0; i < 7; i++)
        {
            await Guard.CheckUnknownAsync(PrincipalId.Administrator(id), Credential.AdminLoginPin, AuthHarness.Browser, Action, () => { }, default, contract);
        }

        Assert.Equal(ContractState.Active, (await ContractAsync(id)).State);
        Assert.DoesNotContain(_measurements, m => m.Instrument == "bizweb.auth.locks");
    }

    /// <summary>The in-memory store, answering <see cref="CommitOutcome.Conflict"/> to the next <see cref="ConflictsToAnswer"/> commits.</summary>
    private sealed class ConflictingUnitOfWork(InMemoryAuthStore store) : IAuthUnitOfWork
    {
        public int ConflictsToAnswer { get; set; }

        /// <summary>Every commit asked for, conflicting or not.</summary>
        public int Commits { get; set; }

        public ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken)
        {
            Commits++;
            if (ConflictsToAnswer > 0)
            {
                ConflictsToAnswer--;
                return ValueTask.FromResult(CommitOutcome.Conflict);
            }

            return store.CommitAsync(changes, cancellationToken);
        }
    }
}
