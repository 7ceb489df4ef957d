using System.Security.Cryptography.X509Certificates;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BizWeb.Auth.Tests.Pins;

/// <summary>
/// Issue 23, item 1: KDF admission control. At most N PIN evaluations run, at most Q wait, and the next
/// is answered <see cref="MessageCode.ServiceBusy"/> before any attempt is reserved: no attempt is used up,
/// known and unknown identifiers answer alike, a cancelled waiter leaves the queue, and a place is given
/// back after an exception. Evaluations are held by <see cref="HeldPinHasher"/>, never timed.
/// </summary>
public sealed class KdfAdmissionTests : IDisposable
{
    private const string SecondContract = "12345678902";
    private readonly HeldPinHasher _held = new(TestPinHashing.CheapHasher());
    private AuthHarness? _harness;

    private AuthHarness H => _harness ?? throw new InvalidOperationException("Call Start first.");

    private KdfAdmission Admission => H.Services.GetRequiredService<KdfAdmission>();

    public void Dispose()
    {
        _held.ReleaseAll();
        _harness?.Dispose();
        _held.Dispose();
    }

    [Fact]
    public async Task With_two_places_and_three_in_the_queue_five_are_admitted_and_the_sixth_is_refused_busy()
    {
        Start(places: 2, queue: 3);
        var (contract, certificate) = await H.ActiveContractAsync();
        _held.Hold();

        var admitted = Enumerable.Range(0, 5).Select(_ => WrongAdminPinAsync(certificate)).ToList();
        await _held.WaitForEnteredAsync(2);
        await UntilAsync(() => Admission.Waiting == 3);
        var failuresBefore = await FailuresAsync(contract);

        var refused = await WrongAdminPinAsync(certificate);

        Assert.Equal(MessageCode.ServiceBusy, refused.ErrorCode);
        Assert.Equal(failuresBefore, await FailuresAsync(contract));
        Assert.Equal(2, Admission.InFlight);
        _held.ReleaseAll();
        Assert.All(await Task.WhenAll(admitted), r => Assert.Equal(MessageCode.AdminSignInFailed, r.ErrorCode));
        Assert.Equal(2, _held.MostRunning);
        Assert.Equal(5, await FailuresAsync(contract));
        Assert.Equal((0, 0), (Admission.InFlight, Admission.Waiting));
    }

    [Fact]
    public async Task A_busy_answer_uses_up_no_attempt_and_seven_later_wrong_guesses_still_lock_exactly_at_the_seventh()
    {
        Start(places: 1, queue: 0);
        var (contract, certificate) = await H.ActiveContractAsync();
        _held.Hold();
        var holder = BeginActivationAsync(SecondContract, "0000");
        await _held.WaitForEnteredAsync(1);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(MessageCode.ServiceBusy, (await WrongAdminPinAsync(certificate)).ErrorCode);
        }

        Assert.Equal(0, await FailuresAsync(contract));
        _held.ReleaseAll();
        await holder;
        var evaluations = _held.Evaluations;
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(MessageCode.AdminSignInFailed, (await WrongAdminPinAsync(certificate)).ErrorCode);
        }

        Assert.Equal(MessageCode.AdminLocked, (await WrongAdminPinAsync(certificate)).ErrorCode);
        Assert.Equal(7, _held.Evaluations - evaluations);
        Assert.Equal(ContractState.Stopped, (await H.Store.FindAsync(contract, default))!.State);
    }

    [Fact]
    public async Task Known_and_unknown_identifiers_get_the_same_busy_answer_and_neither_is_audited()
    {
        Start(places: 1, queue: 0);
        var (contract, _) = await H.ActiveContractAsync(LockoutMode.Unlinked);
        await H.RegisterUserAsync(contract);
        var awaiting = await H.CreateContractAsync(contractId: "12345678903");
        _held.Hold();
        var holder = BeginActivationAsync(SecondContract, "0000");
        await _held.WaitForEnteredAsync(1);
        var audited = (await H.Store.ReadAsync(0, 10_000, default)).Count;
        var enrollment = H.Get<CertificateEnrollment>();

        var answers = new[]
        {
            (await H.Get<AdminActivation>().BeginAsync(awaiting.ToString(), "9999", AuthHarness.Browser)).Errors,
            (await H.Get<AdminActivation>().BeginAsync("98765432109", "9999", AuthHarness.Browser)).Errors,
            (await enrollment.BeginUserAsync(AuthHarness.ContractIdText, "taro", "wrong999", AuthHarness.Browser)).Errors,
            (await enrollment.BeginUserAsync(AuthHarness.ContractIdText, "nobody", "wrong999", AuthHarness.Browser)).Errors,
        };

        Assert.All(answers, errors => Assert.Equal([MessageCatalog.Get(MessageCode.ServiceBusy)], errors));
        Assert.Equal(audited, (await H.Store.ReadAsync(0, 10_000, default)).Count);
        _held.ReleaseAll();
        await holder;
    }

    [Fact]
    public async Task A_caller_cancelled_while_queued_leaves_the_queue_and_its_place_goes_to_the_next()
    {
        Start(places: 1, queue: 1);
        var (contract, certificate) = await H.ActiveContractAsync();
        _held.Hold();
        var holder = WrongAdminPinAsync(certificate);
        await _held.WaitForEnteredAsync(1);
        using var cancel = new CancellationTokenSource();
        var queued = WrongAdminPinAsync(certificate, cancel.Token);
        await UntilAsync(() => Admission.Waiting == 1);
        Assert.Equal(MessageCode.ServiceBusy, (await WrongAdminPinAsync(certificate)).ErrorCode);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(0, Admission.Waiting);
        var next = WrongAdminPinAsync(certificate);
        await UntilAsync(() => Admission.Waiting == 1);
        _held.ReleaseAll();
        Assert.Equal(MessageCode.AdminSignInFailed, (await holder).ErrorCode);
        Assert.Equal(MessageCode.AdminSignInFailed, (await next).ErrorCode);
        Assert.Equal(2, await FailuresAsync(contract));
    }

    [Fact]
    public async Task A_place_is_given_back_when_the_evaluation_throws()
    {
        Start(places: 1, queue: 0);
        var (_, certificate) = await H.ActiveContractAsync();
        _held.Throws = true;

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => WrongAdminPinAsync(certificate));
            await Assert.ThrowsAsync<InvalidOperationException>(() => BeginActivationAsync(SecondContract, "0000"));
        }

        Assert.Equal(0, Admission.InFlight);
        _held.Throws = false;
        Assert.Equal(MessageCode.AdminSignInFailed, (await WrongAdminPinAsync(certificate)).ErrorCode);
    }

    [Fact]
    public async Task A_caller_that_waited_the_longest_wait_is_refused_busy()
    {
        Start(places: 1, queue: 4, maxWait: TimeSpan.FromSeconds(5));
        var (contract, certificate) = await H.ActiveContractAsync();
        _held.Hold();
        var holder = WrongAdminPinAsync(certificate);
        await _held.WaitForEnteredAsync(1);
        var queued = WrongAdminPinAsync(certificate);
        await UntilAsync(() => Admission.Waiting == 1);

        H.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(MessageCode.ServiceBusy, (await queued).ErrorCode);
        Assert.Equal(0, Admission.Waiting);
        _held.ReleaseAll();
        await holder;
        Assert.Equal(1, await FailuresAsync(contract));
    }

    [Fact]
    public async Task Hashing_a_new_PIN_takes_a_place_too()
    {
        Start(places: 1, queue: 0);
        await H.ActiveContractAsync();
        _held.Hold();
        var holder = BeginActivationAsync(SecondContract, "0000");
        await _held.WaitForEnteredAsync(1);

        var created = await H.Get<BankOperations>().CreateContractAsync(H.Operator, "11111111111", "1234", LockoutMode.Linked);

        Assert.Equal(MessageCode.ServiceBusy, created.ErrorCode);
        Assert.Null(await H.Store.FindAsync(AuthHarness.Parse("11111111111"), default));
        _held.ReleaseAll();
        await holder;
        Assert.True((await H.Get<BankOperations>().CreateContractAsync(H.Operator, "11111111111", "1234", LockoutMode.Linked)).Succeeded);
    }

    [Fact]
    public void The_defaults_follow_the_processor_count_and_bad_values_name_their_configuration_path()
    {
        var defaults = new PinHashingOptions();
        Assert.Equal(Environment.ProcessorCount * 2, defaults.MaxConcurrentEvaluations);
        Assert.Null(defaults.MaxQueuedEvaluations);
        Assert.Equal(Environment.ProcessorCount * 16, defaults.QueueLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.MaxQueueWait);

        var bad = new BizWebOptions { PinHashing = { MaxConcurrentEvaluations = 0, MaxQueuedEvaluations = -1, MaxQueueWait = TimeSpan.Zero } };
        var failures = new BizWebOptionsValidator().Validate(null, bad).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("BizWeb:PinHashing:MaxConcurrentEvaluations ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("BizWeb:PinHashing:MaxQueuedEvaluations ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("BizWeb:PinHashing:MaxQueueWait ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_busy_message_has_both_texts()
    {
        var busy = MessageCatalog.Get(MessageCode.ServiceBusy);
        Assert.Equal("ただいま混み合っています。しばらくしてから再度お試しください。", busy.Ja);
        Assert.Contains("try again later", busy.En, StringComparison.Ordinal);
    }

    /// <summary>
    /// Over any number of places, queue places and callers (no one leaving): the first N get a place at
    /// once, the next Q wait, the rest are refused; then giving places back one at a time admits the
    /// waiters in turn, and never more than N hold a place.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Never_more_than_N_run_and_never_more_than_N_plus_Q_are_admitted() =>
        Prop.ForAll(Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), Gen.Choose(0, 20).ToArbitrary(), (places, queue, callers) =>
        {
            var options = new BizWebOptions { PinHashing = { MaxConcurrentEvaluations = places, MaxQueuedEvaluations = queue, MaxQueueWait = null } };
            using var admission = new KdfAdmission(Options.Create(options), new FakeTimeProvider());
            var entries = Enumerable.Range(0, callers).Select(_ => admission.TryEnterAsync(default).AsTask()).ToList();
            var running = entries.Where(e => e.IsCompletedSuccessfully && e.Result is not null).Select(e => e.Result!).ToList();
            var refused = entries.Count(e => e.IsCompletedSuccessfully && e.Result is null);
            var waiting = entries.Where(e => !e.IsCompleted).ToList();
            var ok = running.Count == Math.Min(callers, places)
                && waiting.Count == Math.Min(Math.Max(callers - places, 0), queue)
                && refused == callers - running.Count - waiting.Count
                && admission.Waiting == waiting.Count;
            while (running.Count > 0)
            {
                running[0].Dispose();
                running[0].Dispose();
                running.RemoveAt(0);
                if (waiting is [var next, ..])
                {
                    ok &= next.Wait(TimeSpan.FromSeconds(30)) && next.Result is not null;
                    running.Add(next.Result!);
                    waiting.RemoveAt(0);
                }

                ok &= admission.InFlight == running.Count && admission.InFlight <= places;
            }

            return ok && admission.InFlight == 0 && admission.Waiting == 0;
        });

    private void Start(int places, int queue, TimeSpan? maxWait = null) =>
        _harness = AuthHarness.Create(
            o =>
            {
                o.PinHashing.MaxConcurrentEvaluations = places;
                o.PinHashing.MaxQueuedEvaluations = queue;
                o.PinHashing.MaxQueueWait = maxWait;
            },
            s => s.AddSingleton<IPinHasher>(_held));

    /// <summary>A wrong 管理者3-2 guess in a request (scope) of its own.</summary>
    private Task<AuthResult<SecondFactorStep>> WrongAdminPinAsync(X509Certificate2 certificate, CancellationToken cancellationToken = default) =>
        Task.Run(async () =>
        {
            using var scope = H.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser, cancellationToken);
        });

    /// <summary>管理者1-2 in a request of its own (an unknown contract id runs the dummy evaluation).</summary>
    private Task<AuthResult<FlowHandle>> BeginActivationAsync(string contractId, string registrationPin) =>
        Task.Run(async () =>
        {
            using var scope = H.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AdminActivation>().BeginAsync(contractId, registrationPin, AuthHarness.Browser);
        });

    private ValueTask<int> FailuresAsync(ContractId contract) =>
        H.Store.GetFailuresAsync(CounterKey.For(PrincipalId.Administrator(contract), Credential.AdminLoginPin), H.Time.GetUtcNow(), default);

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
