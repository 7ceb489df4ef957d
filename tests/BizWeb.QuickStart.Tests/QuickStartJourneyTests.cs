using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace BizWeb.QuickStart.Tests;

/// <summary>
/// The manual's whole path through the quick-start portal, as its clients see it: contract creation by
/// the back office → 管理者1 activation → the administrator's certificate from an openssl CSR (管理者2)
/// → 管理者3 sign-in over TLS with that certificate → 管理者4-2 user registration, P.15 token, P.16
/// account → 利用者6 the user's certificate → 利用者7 activation → 利用者8 sign-in → 利用者9 a transfer
/// confirmed with the token. Real HTTP clients present the certificates; openssl checks what the CA
/// issued, oathtool makes the token codes, and the security e-mails arrive at smtp4dev.
/// </summary>
public sealed class QuickStartJourneyTests(QuickStartPortal portal) : IClassFixture<QuickStartPortal>
{
    private const string AdminLoginPin = "Kanri2468";
    private const string AdminConfirmationPin = "Kakunin1357";
    private const string TemporaryLoginPin = "Kari1111a";
    private const string TemporaryConfirmationPin = "Kari2222b";
    private const string UserLoginPin = "Taro9753x";
    private const string UserConfirmationPin = "Taro8642y";
    private long _lastStep = -1;

    [Fact]
    public async Task A_contract_goes_from_creation_to_a_confirmed_transfer_over_TLS_with_certificates_the_portal_issued()
    {
        var contract = portal.Contract;
        var registrationPin = contract.GetProperty("registrationPin").GetString()!;

        // 管理者1-2 … 1-4: activation with ① and the customer card.
        using var browser = portal.Client();
        var begun = await PostAsync(browser, "admin/activation", new { contractId = QuickStartPortal.ContractId, registrationPin });
        var card = await PostAsync(browser, "admin/activation/credentials", new
        {
            handle = begun.GetProperty("handle").GetString(), registrationPin, loginPin = AdminLoginPin, confirmationPin = AdminConfirmationPin, email = "kanri@example.co.jp",
        });
        await PostAsync(browser, "admin/activation/card", new { handle = card.GetProperty("handle").GetString(), cardAnswer = CardAnswer(card) });

        // 管理者2: the certificate tool's protocol with a key and CSR made by openssl.
        using var adminCertificate = await EnrollAsync(browser, "admin", "admin", new { contractId = QuickStartPortal.ContractId, loginPin = AdminLoginPin },
            step => new { handle = step.GetProperty("handle").GetString(), answer = CardAnswer(step) });
        Assert.Equal(QuickStartPortal.ContractId + "1286", adminCertificate.GetNameInfo(X509NameType.SimpleName, false));

        // 管理者3-2/3-3 over TLS with that certificate; before it, the administrator's API is closed.
        using var admin = portal.Client(adminCertificate);
        using (var closed = await RawAsync(admin, HttpMethod.Put, "admin/debit-accounts", new { confirmationPin = AdminConfirmationPin }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        }

        var login = await PostAsync(admin, "admin/login", new { loginPin = AdminLoginPin });
        await PostAsync(admin, "admin/login/card", new { handle = login.GetProperty("handle").GetString(), cardAnswer = CardAnswer(login) });

        // 管理者4-2, P.16, P.15: the user, the debit account, the token (its code now, made by oathtool).
        await PostAsync(admin, "admin/users", new
        {
            user = new
            {
                userId = "taro01", nameKana = "ヤマダ タロウ", nameKanji = "山田 太郎", temporaryLoginPin = TemporaryLoginPin, temporaryConfirmationPin = TemporaryConfirmationPin,
                email = "taro@example.co.jp", issueCertificate = true, grantedServices = new[] { "BalanceInquiry", "Transfers" },
            },
            confirmationPin = AdminConfirmationPin,
        });
        await SendAsync(admin, HttpMethod.Put, "admin/debit-accounts", new
        {
            accounts = new[] { new { branchCode = "001", accountType = 1, accountNumber = "1234567", limit = new { perTransfer = 1_000_000, perDay = 3_000_000 } } },
            confirmationPin = AdminConfirmationPin,
        });
        var token = contract.GetProperty("token");
        var serialNumber = token.GetProperty("serialNumber").GetString()!;
        await PostAsync(admin, "admin/users/taro01/token", new { serialNumber, tokenCode = await TokenCodeAsync(), confirmationPin = AdminConfirmationPin });

        // 利用者6: the user's certificate, with the temporary ⑤ and the token.
        using var userCertificate = await EnrollAsync(browser, "user", "taro01", new { contractId = QuickStartPortal.ContractId, userId = "taro01", loginPin = TemporaryLoginPin },
            async step => new { handle = step.GetProperty("handle").GetString(), tokenCode = await TokenCodeAsync() });
        Assert.Equal(QuickStartPortal.ContractId + "taro011286", userCertificate.GetNameInfo(X509NameType.SimpleName, false));

        // 利用者7-3/7-4: activation over TLS with the certificate, the temporary PINs replaced.
        using (var activating = portal.Client(userCertificate))
        {
            var activation = await PostAsync(activating, "user/activation", new { loginPin = TemporaryLoginPin });
            await PostAsync(activating, "user/activation/pins", new
            {
                handle = activation.GetProperty("handle").GetString(),
                pins = new { temporaryLoginPin = TemporaryLoginPin, newLoginPin = UserLoginPin, temporaryConfirmationPin = TemporaryConfirmationPin, newConfirmationPin = UserConfirmationPin },
            });
        }

        // 利用者8-2: a new sign-in; the administrator's certificate cannot sign in as the user, nor can a client without one.
        using (var intruder = portal.Client(adminCertificate))
        {
            await RefusedAsync(intruder, "user/login", new { loginPin = UserLoginPin });
        }

        using (var anonymous = portal.Client())
        {
            await RefusedAsync(anonymous, "user/login", new { loginPin = UserLoginPin });
        }

        using var user = portal.Client(userCertificate);
        await PostAsync(user, "user/login", new { loginPin = UserLoginPin });

        // 利用者9-1/9-2: drafted, reviewed, confirmed with the token, executed by the core system.
        var review = await PostAsync(user, "user/transfers", new
        {
            idempotencyKey = "quick-start-1", debitAccount = "001-1-1234567", payeeBankCode = "0005", payeeBranchCode = "123", payeeAccountType = 1,
            payeeAccountNumber = "7654321", payeeName = "ｶ)ﾄｳｷｮｳｼｮｳｼﾞ", amount = 12_345,
        });
        var transferId = review.GetProperty("id").GetString()!;
        var confirmed = await PostAsync(user, $"user/transfers/{transferId}/confirm", new { tokenCode = await TokenCodeAsync() });
        Assert.Equal("Authorised", confirmed.GetProperty("state").GetString());
        Assert.StartsWith("QS", confirmed.GetProperty("executionReference").GetString(), StringComparison.Ordinal);

        // The security e-mails of the path, delivered through SMTP by the portal's dispatcher.
        await WaitForMailAsync("kanri@example.co.jp", 4);
        await WaitForMailAsync("taro@example.co.jp", 2);

        // /health answers, with nothing but the status.
        using var health = await browser.GetAsync(new Uri("health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    // The printed card from the back office, read at the positions the portal asked for.
    private string CardAnswer(JsonElement step) =>
        string.Concat(step.GetProperty("prompts").EnumerateArray().Select(p => portal.Contract.GetProperty("card").GetProperty(p.GetString()!).GetString()));

    private async Task<X509Certificate2> EnrollAsync(HttpClient client, string kind, string name, object begin, Func<JsonElement, object> complete) =>
        await EnrollAsync(client, kind, name, begin, step => Task.FromResult(complete(step)));

    private async Task<X509Certificate2> EnrollAsync(HttpClient client, string kind, string name, object begin, Func<JsonElement, Task<object>> complete)
    {
        var key = Path.Combine(portal.Directory, name + "-key.pem");
        var csr = Path.Combine(portal.Directory, name + ".csr");
        await QuickStartPortal.RunAsync("openssl", ["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name, "-keyout", key, "-out", csr], portal.Directory);
        var step = await PostAsync(client, $"api/enrollment/{kind}/begin", begin);
        var ticket = await PostAsync(client, $"api/enrollment/{kind}/complete", await complete(step));
        var issued = await PostAsync(client, "api/enrollment/certificate", new { ticket = ticket.GetProperty("ticket").GetString(), csr = await File.ReadAllTextAsync(csr) });
        var certificatePath = Path.Combine(portal.Directory, name + ".pem");
        var caPath = Path.Combine(portal.Directory, "issuing-ca.pem");
        await File.WriteAllTextAsync(certificatePath, issued.GetProperty("certificate").GetString());
        await File.WriteAllTextAsync(caPath, issued.GetProperty("caCertificate").GetString());
        // openssl, not the SDK, judges the chain and the key usage for TLS clients.
        await QuickStartPortal.RunAsync("openssl", ["verify", "-CAfile", caPath, "-purpose", "sslclient", certificatePath], portal.Directory);
        return X509Certificate2.CreateFromPemFile(certificatePath, key);
    }

    private async Task<string> TokenCodeAsync()
    {
        // A code for a time step the token has not used yet, from oathtool; when the next unused step
        // is more than one step ahead of now (the verification window), wait for the clock to get there.
        var secret = Uri.UnescapeDataString(new Uri(portal.Contract.GetProperty("token").GetProperty("uri").GetString()!).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("secret=", StringComparison.Ordinal))["secret=".Length..]);
        var step = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30, _lastStep + 1);
        while (step > DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + 1)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        _lastStep = step;
        var code = await QuickStartPortal.RunAsync("oathtool", ["--totp", "--base32", "--now", "@" + (step * 30).ToString(CultureInfo.InvariantCulture), secret], portal.Directory);
        return code.Trim();
    }

    private static Task<JsonElement> PostAsync(HttpClient client, string path, object body) => SendAsync(client, HttpMethod.Post, path, body);

    private static async Task<HttpResponseMessage> RawAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        using var response = await RawAsync(client, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} /{path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task RefusedAsync(HttpClient client, string path, object body)
    {
        using var response = await RawAsync(client, HttpMethod.Post, path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.TryGetProperty("code", out _), "a refusal is a problem with the SDK's code");
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
    }

    private async Task WaitForMailAsync(string to, int atLeast)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var messages = (await portal.Smtp.MessagesAsync()).Where(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase)).ToList();
            if (messages.Count >= atLeast)
            {
                return;
            }

            Assert.False(deadline.IsCancellationRequested, $"{to} received {messages.Count} security e-mails, expected at least {atLeast}: {string.Join(", ", messages.Select(m => m.Subject))}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
