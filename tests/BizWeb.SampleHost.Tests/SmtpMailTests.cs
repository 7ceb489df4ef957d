using BizWeb.Notifications.Smtp.Tests;

namespace BizWeb.SampleHost.Tests;

/// <summary>SMTP is one configuration section: the host's background dispatcher sends the security e-mails of the flows through a real SMTP server.</summary>
public sealed class SmtpMailTests(Smtp4devServer smtp) : IClassFixture<Smtp4devServer>
{
    [Fact]
    public async Task The_admin_activation_mail_arrives_through_the_configured_SMTP_server()
    {
        await using var host = await SampleHostProcess.StartAsync(demo: true, settings: new Dictionary<string, string>
        {
            ["BizWeb:Smtp:Host"] = "127.0.0.1",
            ["BizWeb:Smtp:Port"] = smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BizWeb:Smtp:Security"] = "None",
            ["BizWeb:Smtp:FromAddress"] = "noreply@bank.example.jp",
        });
        var demo = DemoContract.Read(host);
        var browser = new Browser();
        await browser.InitializeAsync();
        try
        {
            await using var context = await browser.NewContextAsync(host);
            await AdminJourney.ActivateAsync(await context.NewPageAsync(), host, demo);
        }
        finally
        {
            await browser.DisposeAsync();
        }

        // Rechecked each time the host's dispatcher logs a delivery (counted before looking, so none is missed).
        while (true)
        {
            var seen = host.Count("Security e-mails sent");
            if ((await smtp.MessagesAsync()).Any(Matches))
            {
                break;
            }

            await host.WaitForCountAsync("Security e-mails sent", seen + 1, TimeSpan.FromSeconds(30));
        }

        Assert.Contains(await smtp.MessagesAsync(), Matches);
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "mail")), "with SMTP configured nothing goes to the mail drop");

        static bool Matches((string Id, string Subject, string To) m) =>
            m.To == "admin@example.co.jp" && m.Subject.Contains("管理者開通確認", StringComparison.Ordinal);
    }
}
