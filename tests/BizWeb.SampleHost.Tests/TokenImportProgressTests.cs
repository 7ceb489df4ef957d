using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// The console's PSKC upload (運用端末): "Import" shows the job's state while the SDK previews and then imports
/// the file, reloading itself until the end, then the tokens imported; the tokens are in the inventory, with
/// their kind (an HOTP key lands as an event-based token with its counter).
/// </summary>
public sealed class TokenImportProgressTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const int Packages = 3_000;
    private static readonly string Run = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
    private static readonly string HotpSerial = $"PRG-{Run}-!HOTP";

    [Fact]
    public async Task An_upload_shows_its_progress_while_it_runs_then_the_tokens_imported()
    {
        var host = fixture.Host;
        await using var bank = await fixture.Browser.NewContextAsync(host);
        var ops = await bank.NewPageAsync();
        await Browser.RunAsync(ops, nameof(An_upload_shows_its_progress_while_it_runs_then_the_tokens_imported), async () =>
        {
            await OperationsJourney.SignInAsync(ops, host);
            await ops.GotoAsync(new Uri(host.OperationsUrl, "ops/Tokens/Import").ToString());
            await ops.Locator("[data-test=pskc-file]").SetInputFilesAsync(new FilePayload { Name = "vendor.xml", MimeType = "text/xml", Buffer = Document() });
            await ops.Locator("[data-test=key-kind]").SelectOptionAsync("none");
            await ops.Locator("[data-test=import]").ClickAsync();

            // The job's page: the first answer comes while the SDK is still reading (3,000 key packages, each
            // previewed against the inventory, then imported), and asks to be loaded again.
            await ops.WaitForURLAsync(new System.Text.RegularExpressions.Regex("job="));
            var first = await ops.Locator("[data-test=import-job]").GetAttributeAsync("data-phase");
            Assert.Contains(first, new[] { "Previewing", "Importing" });
            Assert.True(await ops.Locator("[data-test=import-progress]").IsVisibleAsync());

            await ops.Locator("[data-test=import-job][data-phase=Done]").WaitForAsync(new() { Timeout = 180_000 });
            Assert.Equal("True", await ops.Locator("[data-test=import-result]").GetAttributeAsync("data-succeeded"));
            Assert.Equal(Packages.ToString(CultureInfo.InvariantCulture), await ops.Locator("[data-test=imported-count]").InnerTextAsync());
            Assert.Equal(0, await ops.Locator("[data-test=import-progress]").CountAsync());

            await ops.GotoAsync(new Uri(host.OperationsUrl, "ops/Tokens?skip=0").ToString());
            // The HOTP key's serial sorts first of the file's ('!' before the digits), so it is on the first page.
            var hotp = ops.Locator($"[data-test=token-row][data-serial='{HotpSerial}']");
            Assert.Equal("Hotp", await hotp.Locator("[data-test=token-kind]").GetAttributeAsync("data-value"));
            Assert.Equal("5", await hotp.Locator("[data-test=token-counter]").GetAttributeAsync("data-value"));
        });
    }

    /// <summary>A vendor-style file of plain seeds: <see cref="Packages"/> − 1 TOTP keys and one HOTP key with Counter 5.</summary>
    private static byte[] Document()
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc">""");
        for (var i = 0; i < Packages; i++)
        {
            var hotp = i == 0;
            var serial = hotp ? HotpSerial : $"PRG-{Run}-{i:D5}";
            var algorithm = hotp ? "urn:ietf:params:xml:ns:keyprov:pskc:hotp" : "urn:ietf:params:xml:ns:keyprov:pskc:totp";
            var counter = hotp ? "<Counter><PlainValue>5</PlainValue></Counter>" : "";
            text.Append(CultureInfo.InvariantCulture, $"""<KeyPackage><DeviceInfo><Manufacturer>Acme</Manufacturer><SerialNo>{serial}</SerialNo></DeviceInfo><Key Id="{serial}" Algorithm="{algorithm}"><AlgorithmParameters><ResponseFormat Length="6" Encoding="DECIMAL"/></AlgorithmParameters><Data><Secret><PlainValue>{Convert.ToBase64String(RandomNumberGenerator.GetBytes(20))}</PlainValue></Secret>{counter}</Data></Key></KeyPackage>""");
        }

        return Encoding.UTF8.GetBytes(text.Append("</KeyContainer>").ToString());
    }
}
