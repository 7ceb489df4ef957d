using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BizWeb.Notifications.Smtp.Tests;

/// <summary>
/// SPEC.md §6 through a real SMTP server (smtp4dev): every security event reaches the right
/// recipient with its subject and body, and a change that rolled back sends nothing.
/// </summary>
public sealed class SecurityEventMailTests(Smtp4devServer smtp) : IClassFixture<Smtp4devServer>
{
    public static TheoryData<SecurityEvent> Events() => [.. Enum.GetValues<SecurityEvent>()];

    private AuthHarness Harness(Action<IServiceCollection>? more = null) => AuthHarness.Create(services: s =>
    {
        s.AddBizWeb().AddSmtpNotifications(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = smtp.SmtpPort;
            o.Security = SmtpSecurity.None;
            o.FromAddress = "noreply@bank.example.jp";
        });
        more?.Invoke(s);
    });

    [Theory]
    [MemberData(nameof(Events))]
    public async Task Each_event_arrives_at_its_recipient_with_its_subject_and_body(SecurityEvent securityEvent)
    {
        using var h = Harness();
        // A contract id of its own per event, so the messages of the theory's rows never mix.
        var contract = await h.CreateContractAsync(contractId: $"5{(int)securityEvent:D3}0000000");
        await h.ActivateAdminAsync(contract);
        var toUser = (int)securityEvent >= 200;
        var email = toUser ? $"user{(int)securityEvent}@example.co.jp" : AuthHarness.AdminEmail;
        var recipient = toUser ? PrincipalId.User(contract, await h.RegisterUserAsync(contract, "taro", email)) : PrincipalId.Administrator(contract);
        await h.Get<NotificationDispatcher>().DispatchDueAsync();
        var before = (await smtp.MessagesAsync()).Select(m => m.Id).ToHashSet();

        Assert.True(await h.Get<SecurityNotifications>().NotifyAsync(recipient, securityEvent, AuditActor.System));
        Assert.Equal(1, await h.Get<NotificationDispatcher>().DispatchDueAsync());

        var title = NotificationTemplates.TitleJa(securityEvent);
        var arrived = (await smtp.MessagesAsync()).Where(m => !before.Contains(m.Id) && m.To == email && m.Subject.Contains($"【ビジネスWeb】{title}のお知らせ", StringComparison.Ordinal)).ToList();
        var mails = await Task.WhenAll(arrived.Select(m => LoadAsync(m.Id)));
        var mail = Assert.Single(mails, m => (m.TextBody ?? string.Empty).Contains(contract.ToString(), StringComparison.Ordinal));
        Assert.Contains(NotificationTemplates.TitleEn(securityEvent), mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"お手続き: {title}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Event: {NotificationTemplates.TitleEn(securityEvent)}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(contract.ToString(), mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthHarness.AdminLoginPin, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_that_rolled_back_sends_nothing()
    {
        var failing = new RollingBackUnitOfWork();
        using var h = Harness(s => s.AddSingleton<IAuthUnitOfWork>(sp => failing.Over(sp.GetRequiredService<InMemoryAuthStore>())));
        var contract = await h.CreateContractAsync(contractId: "59999999999");
        await h.ActivateAdminAsync(contract);
        await h.Get<NotificationDispatcher>().DispatchDueAsync();
        const string newAddress = "rolled-back@example.co.jp";

        failing.Failing = true;
        var changed = await h.Get<CredentialChanges>().ChangeEmailAsync(await h.AdminAsync(contract), AuthHarness.AdminConfirmationPin, newAddress);
        failing.Failing = false;

        Assert.False(changed.Succeeded);
        Assert.Equal(0, await h.Get<NotificationDispatcher>().DispatchDueAsync());
        Assert.DoesNotContain(await smtp.MessagesAsync(), m => m.To == newAddress);
    }

    private async Task<MimeMessage> LoadAsync(string id)
    {
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await smtp.RawAsync(id)));
        return await MimeMessage.LoadAsync(raw);
    }

    /// <summary>A unit of work whose commits conflict while <see cref="Failing"/> is set: the flow's change, audit and e-mail roll back together.</summary>
    private sealed class RollingBackUnitOfWork
    {
        public bool Failing { get; set; }

        public IAuthUnitOfWork Over(IAuthUnitOfWork inner) => new Decorator(this, inner);

        private sealed class Decorator(RollingBackUnitOfWork owner, IAuthUnitOfWork inner) : IAuthUnitOfWork
        {
            public ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken) =>
                owner.Failing ? ValueTask.FromResult(CommitOutcome.Conflict) : inner.CommitAsync(changes, cancellationToken);
        }
    }
}
