using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// Finds the expiry reminders that are due (30 and 10 days before a current certificate expires,
/// by default), for the host to put into the auth notification outbox, then records each as sent.
/// Run it on a schedule (e.g. daily). A certificate first seen inside the final window gets the
/// final reminder only; a renewed (superseded) or revoked certificate gets none.
/// </summary>
public sealed class CertificateExpiryReminders
{
    private readonly ICertificateStore _store;
    private readonly SecurityNotifications _notifications;
    private readonly CertificateAuthorityOptions _options;
    private readonly TimeProvider _time;

    internal CertificateExpiryReminders(ICertificateStore store, SecurityNotifications notifications, CertificateAuthorityOptions options, TimeProvider time)
    {
        _store = store;
        _notifications = notifications;
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Sends what is due: each reminder goes into the auth outbox as
    /// <see cref="SecurityEvent.AdminCertificateExpiring"/> or <see cref="SecurityEvent.UserCertificateExpiring"/>
    /// (an addition to the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6) and is then marked sent, so it goes out once. Run it daily.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many reminders were queued (principals without an address are marked without one).</returns>
    public async ValueTask<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var queued = 0;
        foreach (var reminder in await ListDueAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await MarkSentAsync(reminder, cancellationToken).ConfigureAwait(false))
            {
                continue; // another host sent it
            }

            var securityEvent = reminder.Principal.IsAdministrator ? SecurityEvent.AdminCertificateExpiring : SecurityEvent.UserCertificateExpiring;
            if (await _notifications.NotifyAsync(reminder.Principal, securityEvent, AuditActor.System, cancellationToken).ConfigureAwait(false))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>The reminders due now and not recorded as sent.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The reminders, earliest expiry first.</returns>
    public async ValueTask<IReadOnlyList<CertificateExpiryReminder>> ListDueAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var expiring = await _store.ListCurrentExpiringAsync(now + _options.FirstReminder, cancellationToken).ConfigureAwait(false);
        var due = new List<CertificateExpiryReminder>();
        foreach (var certificate in expiring)
        {
            var remaining = certificate.NotAfter - now;
            if (remaining <= TimeSpan.Zero || certificate.IsRevoked)
            {
                continue;
            }

            var lead = (int)(remaining <= _options.FinalReminder ? _options.FinalReminder : _options.FirstReminder).TotalDays;
            if (certificate.ReminderSentDaysBefore is { } sent && sent <= lead)
            {
                continue;
            }

            due.Add(new CertificateExpiryReminder(certificate.Principal, certificate.SerialNumber, certificate.NotAfter, lead));
        }

        return due;
    }

    /// <summary>Records <paramref name="reminder"/> as sent (after the host committed its notification).</summary>
    /// <param name="reminder">A reminder from <see cref="ListDueAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when it was recorded before (another server sent it).</returns>
    public ValueTask<bool> MarkSentAsync(CertificateExpiryReminder reminder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return _store.TryMarkReminderSentAsync(reminder.SerialNumber, reminder.DaysBeforeExpiry, cancellationToken);
    }
}
