namespace BizWeb.SampleHost.Tests;

/// <summary>
/// SPEC.md §5: seven wrong contract PINs stop the whole contract, with the manual's message, and a
/// session already signed in ends at its next request (the security stamp is checked every time).
/// </summary>
public sealed class AdminLockTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Locked = "誤ったご契約先暗証番号を繰り返し入力されたため、サービスをご利用できなくなりました。お問合せ窓口までご連絡ください。";
    private const string Wrong = "ご契約先ＩＤ、ご契約先暗証番号の入力に誤りがあるため、ご契約先の認証ができません。ご確認のうえ、ブラウザの戻るボタンで入力画面に戻り、再度入力願います。";

    [Fact]
    public async Task Seven_wrong_login_PINs_lock_the_contract_and_end_the_signed_in_session_at_once()
    {
        var host = fixture.Host;
        var demo = fixture.Demo;
        await using (var anonymous = await fixture.Browser.NewContextAsync(host))
        {
            await AdminJourney.ActivateAsync(await anonymous.NewPageAsync(), host, demo);
        }

        var pkcs12 = await CertTool.EnrollAdministratorAsync(host, demo, AdminJourney.LoginPin);
        await using var signedIn = await fixture.Browser.NewContextAsync(host, pkcs12, CertTool.Pkcs12Password);
        var session = await signedIn.NewPageAsync();
        await using var attacker = await fixture.Browser.NewContextAsync(host, pkcs12, CertTool.Pkcs12Password);
        var guesses = await attacker.NewPageAsync();
        await Browser.RunAsync(guesses, nameof(Seven_wrong_login_PINs_lock_the_contract_and_end_the_signed_in_session_at_once), async () =>
        {
            await AdminJourney.SignInAsync(session, host, demo);

            for (var attempt = 1; attempt <= 7; attempt++)
            {
                await guesses.GotoAsync(new Uri(host.SiteUrl, "Admin/Login").ToString());
                await guesses.Locator("[data-test=login-pin]").FillAsync($"wrong{attempt:D2}x");
                await guesses.Locator("[data-test=submit]").ClickAsync();
                var message = await guesses.Locator("[data-test=errors]").InnerTextAsync();
                Assert.Contains(attempt < 7 ? Wrong : Locked, message, StringComparison.Ordinal);
            }

            // Even the right PIN is refused now, without evaluation.
            await guesses.GotoAsync(new Uri(host.SiteUrl, "Admin/Login").ToString());
            await guesses.Locator("[data-test=login-pin]").FillAsync(AdminJourney.LoginPin);
            await guesses.Locator("[data-test=submit]").ClickAsync();
            Assert.Contains(Locked, await guesses.Locator("[data-test=errors]").InnerTextAsync(), StringComparison.Ordinal);

            // The session signed in before the lock ends at its next request.
            await session.GotoAsync(new Uri(host.SiteUrl, "Admin/Manage").ToString());
            Assert.Contains("expired=1", session.Url, StringComparison.Ordinal);
            Assert.DoesNotContain(await signedIn.CookiesAsync(), c => c.Name == "__Host-BizWeb.Session");
        });
    }
}
