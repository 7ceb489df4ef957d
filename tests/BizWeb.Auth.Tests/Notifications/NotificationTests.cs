using System.Text.RegularExpressions;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Auth.Tests.Notifications;

/// <summary>SPEC.md §6: security e-mails are part of the state change that caused them.</summary>
public sealed partial class NotificationTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    [GeneratedRegex(@"- To the (admin|user) on: (.+?)\.\n", RegexOptions.Singleline)]
    private static partial Regex EventList();

    [Fact]
    public void Every_event_SPEC_md_lists_has_a_template_with_its_Japanese_title_and_nothing_else()
    {
        var lists = EventList().Matches(Spec.Read().Replace("\r\n", "\n", StringComparison.Ordinal));
        var admin = lists.Single(m => m.Groups[1].Value == "admin").Groups[2].Value.Split(',').Select(t => t.Trim()).ToHashSet();
        var user = lists.Single(m => m.Groups[1].Value == "user").Groups[2].Value.Split(',').Select(t => t.Trim()).ToHashSet();

        Assert.Equal(15, admin.Count);
        Assert.Equal(6, user.Count);
        // The documented additions: the certificate-expiry reminders and the certificate-issued notices (SPEC.md §9).
        var additions = new[]
        {
            SecurityEvent.AdminCertificateExpiring, SecurityEvent.UserCertificateExpiring,
            SecurityEvent.AdminCertificateIssued, SecurityEvent.UserCertificateIssuedToAdmin, SecurityEvent.UserCertificateIssued,
        };
        var events = Enum.GetValues<SecurityEvent>().Except(additions).ToList();
        Assert.Equal(admin, events.Where(e => (int)e < 200).Select(NotificationTemplates.TitleJa).ToHashSet());
        Assert.Equal(user, events.Where(e => (int)e >= 200).Select(NotificationTemplates.TitleJa).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void Each_event_renders_in_Japanese_and_English(SecurityEvent securityEvent)
    {
        var notification = new SecurityNotification
        {
            Id = Guid.NewGuid(),
            Event = securityEvent,
            Recipient = PrincipalId.User(AuthHarness.DefaultContract, AuthHarness.User("taro")),
            EmailAddress = "taro@example.co.jp",
            CreatedAt = new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero),
            NextAttemptAt = DateTimeOffset.UnixEpoch,
        };
        var message = NotificationTemplates.Render(notification, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        Assert.Equal(notification.Id, message.IdempotencyKey);
        Assert.Equal("taro@example.co.jp", message.To);
        Assert.Contains(NotificationTemplates.TitleJa(securityEvent), message.Subject, StringComparison.Ordinal);
        Assert.Contains(NotificationTemplates.TitleEn(securityEvent), message.Body, StringComparison.Ordinal);
        Assert.Contains("2026/11/25 10:00:00", message.Body, StringComparison.Ordinal);
        Assert.Contains("taro", message.Body, StringComparison.Ordinal);
    }

    public static TheoryData<SecurityEvent> AllEvents => [.. Enum.GetValues<SecurityEvent>()];

    [Fact]
    public async Task No_address_no_notification()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract, email: null);
        Assert.DoesNotContain(await _h.OutboxAsync(contract), n => n.Recipient.UserId is not null);
    }

    [Fact]
    public async Task A_change_that_does_not_commit_sends_nothing()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var before = (await _h.OutboxAsync(contract)).Count;
        var stale = (await _h.Store.FindAsync(contract, default))!;
        await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, null);

        // A change set built on the stale version conflicts: neither its state, its audit nor its notification is stored.
        var changes = new AuthChanges()
            .Put(stale with { AdminEmail = "hijack@example.com" })
            .Append(new AuditEntry { At = _h.Time.GetUtcNow(), Actor = AuditActor.System, Action = "Test", Outcome = AuditOutcome.Succeeded })
            .Enqueue(new SecurityNotification { Id = Guid.NewGuid(), Event = SecurityEvent.AdminEmailChanged, Recipient = PrincipalId.Administrator(contract), EmailAddress = "hijack@example.com", CreatedAt = _h.Time.GetUtcNow(), NextAttemptAt = _h.Time.GetUtcNow() });
        var auditBefore = (await _h.AuditAsync()).Count;

        Assert.Equal(CommitOutcome.Conflict, await _h.Store.CommitAsync(changes, default));
        Assert.Equal(before + 1, (await _h.OutboxAsync(contract)).Count);
        Assert.Equal(auditBefore, (await _h.AuditAsync()).Count);
        Assert.Equal(AuthHarness.AdminEmail, (await _h.Store.FindAsync(contract, default))!.AdminEmail);
    }

    [Fact]
    public async Task The_dispatcher_delivers_each_notification_once_and_records_it()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract);
        var dispatcher = _h.Get<NotificationDispatcher>();

        Assert.Equal(2, await dispatcher.DispatchDueAsync());
        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        Assert.Equal(2, _h.Mail.Sent.Count);
        Assert.All(await _h.OutboxAsync(contract), n => Assert.NotNull(n.DeliveredAt));
        Assert.Equal(0, await _h.Store.CountPendingAsync(default));
    }

    [Fact]
    public async Task Parallel_dispatchers_never_send_one_notification_twice()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        for (var i = 0; i < 20; i++)
        {
            await _h.RegisterUserAsync(contract, $"user{i}");
        }

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var scope = _h.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync();
        })));

        Assert.Equal(21, sent.Sum());
        Assert.Equal(21, _h.Mail.Sent.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.Equal(21, _h.Mail.Sent.Count);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_backoff_and_abandoned_after_the_maximum()
    {
        using var h = AuthHarness.Create(o =>
        {
            o.Notifications.MaxAttempts = 3;
            o.Notifications.InitialRetryDelay = TimeSpan.FromMinutes(1);
        });
        var (contract, _) = await h.ActiveContractAsync();
        var dispatcher = h.Get<NotificationDispatcher>();
        h.Mail.FailNext(2);

        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        Assert.Equal(0, await dispatcher.DispatchDueAsync()); // not due yet
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync()); // second failure, next in 2 minutes
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync());
        var delivered = Assert.Single(await h.OutboxAsync(contract));
        Assert.Equal(3, delivered.Attempts);

        await h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, null);
        h.Mail.FailNext(100);
        for (var i = 0; i < 10; i++)
        {
            await dispatcher.DispatchDueAsync();
            h.Time.Advance(TimeSpan.FromHours(1));
        }

        var abandoned = (await h.OutboxAsync(contract)).Single(n => n.Event == SecurityEvent.AccidentRegistered);
        Assert.True(abandoned.Abandoned);
        Assert.Equal(3, abandoned.Attempts);
        Assert.Equal(nameof(IOException), abandoned.LastError);
    }

    [Fact]
    public async Task No_PIN_or_OTP_appears_in_any_notification_or_audit_record()
    {
        var (contract, certificate) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(contract);
        var (userCertificate, _) = await _h.ActivateUserAsync(contract, taro);
        await _h.SignInAdminAsync(certificate);
        for (var i = 0; i < 7; i++)
        {
            await _h.Get<UserSignIn>().SignInAsync(userCertificate, "guess0" + i, AuthHarness.Browser);
        }

        await _h.Get<NotificationDispatcher>().DispatchDueAsync();
        var secrets = new[] { AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.TemporaryLoginPin, AuthHarness.TemporaryConfirmationPin, AuthHarness.UserLoginPin, AuthHarness.UserConfirmationPin, TestCustomerCard.Answer, "guess03" };
        var texts = _h.Mail.Sent.SelectMany(m => new[] { m.Subject, m.Body })
            .Concat((await _h.AuditAsync()).Select(a => $"{a.Action}|{a.Detail}|{a.Actor.Id}|{a.Subject}"))
            .ToList();
        Assert.NotEmpty(_h.Mail.Sent);
        Assert.All(texts, text => Assert.DoesNotContain(secrets, s => text.Contains(s, StringComparison.Ordinal)));
    }
}
