using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BizWeb.Auth;

/// <summary>
/// The meter and activity source <c>BizWeb.Auth</c>. Tags carry outcomes and credential kinds only:
/// never a secret, never the identifier of a failed guess.
/// </summary>
internal static class AuthTelemetry
{
    public const string Name = "BizWeb.Auth";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> SignIns = Meter.CreateCounter<long>("bizweb.auth.sign_ins", description: "Sign-in steps by principal kind and outcome.");

    public static readonly Counter<long> CredentialFailures = Meter.CreateCounter<long>("bizweb.auth.credential_failures", description: "Wrong guesses by credential.");

    public static readonly Counter<long> Locks = Meter.CreateCounter<long>("bizweb.auth.locks", description: "Credentials locked, by credential and scope (contract or user).");

    public static readonly Counter<long> Unlocks = Meter.CreateCounter<long>("bizweb.auth.unlocks", description: "Bank unlocks and administrator releases.");

    public static readonly Counter<long> Activations = Meter.CreateCounter<long>("bizweb.auth.activations", description: "Completed activations by principal kind.");

    public static readonly Counter<long> OtpVerifications = Meter.CreateCounter<long>("bizweb.auth.otp_verifications", description: "Second-factor answers by factor and result.");

    public static readonly Counter<long> NotificationsDelivered = Meter.CreateCounter<long>("bizweb.auth.notifications_delivered", description: "Security e-mails delivered or failed.");

    public static readonly Counter<long> KdfRefusals = Meter.CreateCounter<long>("bizweb.auth.kdf_refusals", description: "PIN evaluations refused busy by KDF admission control, by reason (queue_full or queue_wait).");

    public static readonly Histogram<double> NotificationLatency = Meter.CreateHistogram<double>("bizweb.auth.notification_latency", unit: "s", description: "From the state change to the e-mail's acceptance.");

    private static int _outboxBacklog;

    static AuthTelemetry() =>
        Meter.CreateObservableGauge("bizweb.auth.outbox_backlog", () => Volatile.Read(ref _outboxBacklog), description: "Notifications waiting for delivery, as last seen by the dispatcher.");

    public static void ReportBacklog(int count) => Volatile.Write(ref _outboxBacklog, count);

    public static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
