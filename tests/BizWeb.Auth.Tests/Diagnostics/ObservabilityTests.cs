using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BizWeb.Auth.Tests.Diagnostics;

/// <summary>The meter, activity source and log events named BizWeb.Auth, and that none of them carries a secret or a guessed id.</summary>
[Collection(nameof(ObservabilityTests))] // listeners are process-wide: keep these tests apart from parallel ones
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Locks_failures_and_sign_ins_are_measured_traced_and_logged_without_secrets_or_guessed_ids()
    {
        var measurements = new ConcurrentBag<(string Instrument, long Value, string Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "BizWeb.Auth")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        meters.Start();
        var activities = new ConcurrentBag<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "BizWeb.Auth",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(tracing);
        var logs = new CapturingLoggerFactory();

        using var h = AuthHarness.Create(services: s => s.AddSingleton<ILoggerFactory>(logs));
        var (contract, certificate) = await h.ActiveContractAsync();
        await h.Get<AdminActivation>().BeginAsync("99999999999", "7777", AuthHarness.Browser);
        for (var i = 0; i < 7; i++)
        {
            await h.Get<AdminSignIn>().VerifyPinAsync(certificate, "guess0" + i, AuthHarness.Browser);
        }

        Assert.Contains(measurements, m => m.Instrument == "bizweb.auth.locks" && m.Tags.Contains("scope=contract", StringComparison.Ordinal));
        Assert.Contains(measurements, m => m.Instrument == "bizweb.auth.credential_failures" && m.Tags.Contains("credential=AdminLoginPin", StringComparison.Ordinal));
        Assert.Contains(measurements, m => m.Instrument == "bizweb.auth.sign_ins");
        Assert.Contains(measurements, m => m.Instrument == "bizweb.auth.activations");
        Assert.Contains(activities, a => a.OperationName == "BizWeb.Auth.CheckCredential" && (string?)a.GetTagItem("bizweb.outcome") == "Locked");
        Assert.Contains(logs.Lines, l => l.EventId == 1002);
        Assert.Contains(logs.Lines, l => l.EventId == 1006); // the in-memory stores warn that they are not for production

        var forbidden = new[] { "guess0", "7777", "99999999999", contract.ToString(), AuthHarness.AdminLoginPin, AuthHarness.RegistrationPin, TestCustomerCard.Answer };
        var emitted = measurements.Select(m => m.Tags)
            .Concat(activities.SelectMany(a => a.Tags.Select(t => $"{t.Key}={t.Value}")))
            .Concat(logs.Lines.Select(l => l.Message));
        Assert.All(emitted, text => Assert.DoesNotContain(forbidden, f => text.Contains(f, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KDF_admission_refusals_are_counted_each_and_logged_at_most_once_a_minute()
    {
        var refusals = new ConcurrentBag<string>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "BizWeb.Auth" && instrument.Name == "bizweb.auth.kdf_refusals")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) => refusals.Add(string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        meters.Start();
        var logs = new CapturingLoggerFactory();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = Microsoft.Extensions.Options.Options.Create(new BizWebOptions { PinHashing = { MaxConcurrentEvaluations = 1, MaxQueuedEvaluations = 0 } });
        using var admission = new KdfAdmission(options, time, logs);
        using var place = await admission.TryEnterAsync(default);

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await admission.TryEnterAsync(default));
        }

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await admission.TryEnterAsync(default));

        // At least: the listener is process-wide, and admission tests of other classes may refuse meanwhile.
        Assert.True(refusals.Count(r => r == "reason=queue_full") >= 4);
        var lines = logs.Lines.Where(l => l.EventId == 1007).Select(l => l.Message).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("KDF admission refused 1 PIN evaluations", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("KDF admission refused 3 PIN evaluations", lines[1], StringComparison.Ordinal);
    }
}
