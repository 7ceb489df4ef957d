using System.Net;

namespace BizWeb.SampleHost.Tests;

/// <summary>Every PIN, OTP and certificate request post is rate limited per client address, before anything else is looked at.</summary>
public sealed class RateLimitTests
{
    [Theory]
    [InlineData("Admin/Activation")]
    [InlineData("Admin/Certificate/Request")] // issue 15: each certificate request post is judged by the CA
    [InlineData("User/Certificate/Request")]
    public async Task The_post_over_the_per_minute_limit_answers_429(string page)
    {
        await using var host = await SampleHostProcess.StartAsync(demo: false, settings: new Dictionary<string, string> { ["BizWeb:AspNetCore:CredentialPostsPerClientPerMinute"] = "3" });
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["contractId"] = "12345678901", ["registrationPin"] = "0000", ["csr"] = "-----BEGIN CERTIFICATE REQUEST-----" });
            statuses.Add((await http.PostAsync(new Uri(host.SiteUrl, page), form)).StatusCode);
        }

        // Without an anti-forgery token the first three are refused by the token check; the fourth never gets that far.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.GetAsync(new Uri(host.SiteUrl, page))).StatusCode);
    }
}
