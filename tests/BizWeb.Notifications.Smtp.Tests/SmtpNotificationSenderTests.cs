using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizWeb.Notifications.Smtp.Tests;

/// <summary>Security e-mails through MailKit into a real SMTP server (smtp4dev).</summary>
public sealed class SmtpNotificationSenderTests(Smtp4devServer smtp) : IClassFixture<Smtp4devServer>
{
    private SmtpNotificationSender Sender(Action<SmtpNotificationOptions>? change = null)
    {
        var options = new SmtpNotificationOptions { Host = "127.0.0.1", Port = smtp.SmtpPort, Security = SmtpSecurity.None, FromAddress = "noreply@bank.example.jp", FromName = "しんきん ビジネスWeb" };
        change?.Invoke(options);
        return new SmtpNotificationSender(Options.Create(options));
    }

    [Fact]
    public async Task A_notification_arrives_with_its_Japanese_subject_and_its_id_as_Message_ID()
    {
        var id = Guid.NewGuid();
        await Sender().SendAsync(new NotificationMessage(id, "syacho@example.co.jp", "【ビジネスWeb】管理者開通確認のお知らせ", "管理者開通確認が完了しました。\nActivation completed."), default);

        var message = (await smtp.MessagesAsync()).Single(m => m.Subject.Contains("管理者開通確認", StringComparison.Ordinal) && m.To == "syacho@example.co.jp");
        var raw = await smtp.RawAsync(message.Id);
        Assert.Contains($"Message-ID: <{id:N}@bank.example.jp>", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"X-BizWeb-Notification-Id: {id:D}", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dispatcher_delivers_the_outbox_of_a_real_flow_through_SMTP()
    {
        using var h = AuthHarness.Create(services: s => s.AddBizWeb().AddSmtpNotifications(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = smtp.SmtpPort;
            o.Security = SmtpSecurity.None;
            o.FromAddress = "noreply@bank.example.jp";
        }));
        var contract = await h.CreateContractAsync(contractId: "11122233344");
        await h.ActivateAdminAsync(contract);

        Assert.Equal(1, await h.Get<NotificationDispatcher>().DispatchDueAsync());
        var received = (await smtp.MessagesAsync()).Where(m => m.Subject.Contains("管理者開通確認", StringComparison.Ordinal) && m.To == AuthHarness.AdminEmail).ToList();
        Assert.NotEmpty(received);
        var raw = await smtp.RawAsync(received[0].Id);
        Assert.DoesNotContain(AuthHarness.AdminLoginPin, raw, StringComparison.Ordinal);
        Assert.Empty(await h.Store.ListDueAsync(h.Time.GetUtcNow().AddYears(1), 10, default));
    }

    [Fact]
    public async Task A_server_that_refuses_makes_the_send_throw_so_the_dispatcher_retries()
    {
        var closed = Sender(o => o.Port = 1);
        await Assert.ThrowsAnyAsync<Exception>(() => closed.SendAsync(new NotificationMessage(Guid.NewGuid(), "a@example.co.jp", "s", "b"), default));
    }

    [Fact]
    public async Task StartTls_is_required_by_default_and_a_plain_server_is_refused()
    {
        var insecure = Sender(o => o.Security = SmtpSecurity.StartTls);
        await Assert.ThrowsAnyAsync<Exception>(() => insecure.SendAsync(new NotificationMessage(Guid.NewGuid(), "a@example.co.jp", "s", "b"), default));
    }

    [Fact]
    public void Invalid_options_stop_the_host_at_start_up_with_every_problem()
    {
        var services = new ServiceCollection();
        services.AddBizWeb().AddSmtpNotifications(o =>
        {
            o.Host = "";
            o.Port = 0;
            o.FromAddress = "nobody";
            o.UserName = "user";
        });
        using var provider = services.AddMissingSeams().BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(4, error.Failures.Count());
        Assert.Equal(typeof(SmtpNotificationSender), services.Single(d => d.ServiceType == typeof(INotificationSender)).ImplementationType);
    }

    [Theory]
    [InlineData("smtp.bank.example.jp", false)]
    [InlineData("10.0.0.25", false)]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    public void No_encryption_is_allowed_only_to_this_machine(string host, bool allowed)
    {
        var services = new ServiceCollection();
        services.AddBizWeb().AddSmtpNotifications(o =>
        {
            o.Host = host;
            o.Port = 25;
            o.Security = SmtpSecurity.None;
            o.FromAddress = "noreply@bank.example.jp";
        });
        using var provider = services.AddMissingSeams().BuildServiceProvider();
        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();
        if (allowed)
        {
            validate();
        }
        else
        {
            Assert.Contains("Security None", Assert.Throws<OptionsValidationException>(validate).Message, StringComparison.Ordinal);
        }
    }
}
