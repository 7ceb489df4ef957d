using System.Globalization;
using System.Net;
using System.Text.Json;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore.Tests;

/// <summary>
/// Results as RFC 9457 problems (issue 17): the stable code, the text in the request's language, and
/// every error with the field it belongs to, so two PIN errors of one step can be told apart.
/// </summary>
public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task Two_PIN_errors_of_one_step_name_their_own_fields()
    {
        await using var portal = await StartAsync();
        await portal.Harness.CreateContractAsync();
        var begun = await portal.Harness.Get<AdminActivation>().BeginAsync(AuthHarness.ContractIdText, AuthHarness.RegistrationPin, AuthHarness.Browser);
        Assert.True(begun.Succeeded);
        var handle = begun.Value.Handle;

        // 管理者1-3 with ③ "abcdefg" (no digit) and ④ "１２３ａｂｃ" (full-width): both PIN fields have errors.
        var problem = await ProblemAsync(portal, "ja-JP", () => portal.Harness.Get<AdminActivation>()
            .SetCredentialsAsync(handle, AuthHarness.RegistrationPin, "abcdefg", "１２３ａｂｃ", AuthHarness.AdminEmail, AuthHarness.Browser));

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "loginPin");
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "confirmationPin");
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        // Never the refused value.
        Assert.DoesNotContain("abcdefg", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_problem_speaks_the_requests_language_and_carries_the_stable_code()
    {
        await using var portal = await StartAsync();

        var ja = await ProblemAsync(portal, "ja-JP", () => portal.Harness.Get<AdminActivation>().BeginAsync("abc", "1", AuthHarness.Browser));
        var en = await ProblemAsync(portal, "en", () => portal.Harness.Get<AdminActivation>().BeginAsync("abc", "1", AuthHarness.Browser));

        var first = MessageCatalog.Get((MessageCode)ja.GetProperty("code").GetInt32());
        Assert.Equal(first.Ja, ja.GetProperty("message").GetString());
        Assert.Equal(first.Ja, ja.GetProperty("detail").GetString());
        Assert.Equal(first.En, en.GetProperty("message").GetString());
        Assert.Equal("contractId", ja.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal($"urn:bizweb:message:{(int)first.Code}", ja.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_enrollment_API_answers_problems_with_code_and_message()
    {
        await using var portal = await StartAsync();
        await portal.Harness.CreateContractAsync();

        using var client = portal.Server!.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/enrollment/admin/begin", UriKind.Relative),
            new StringContent("""{"contractId":"1234","loginPin":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        var answer = (Status: (int)response.StatusCode, Body: await response.Content.ReadAsStringAsync());

        Assert.True(answer.Status == (int)HttpStatusCode.BadRequest, $"{answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(answer.Body);
        Assert.True(json.RootElement.GetProperty("code").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_busy_KDF_answers_503_with_Retry_After()
    {
        await using var portal = await StartAsync();
        var context = new DefaultHttpContext { RequestServices = portal.App.Services };
        context.Response.Body = new MemoryStream();

        await AuthResult.Fail(MessageCode.ServiceBusy).ToProblem().ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal((int)MessageCode.ServiceBusy, json.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public void A_succeeded_result_is_no_problem() =>
        Assert.Throws<ArgumentException>(() => AuthResult.Success.ToProblem());

    private static Task<TestPortal> StartAsync() => TestPortal.StartAsync(map: app => app.MapBizWebEnrollment());

    private static async Task<JsonElement> ProblemAsync(TestPortal portal, string culture, Func<ValueTask<AuthResult>> step)
    {
        var result = await step();
        Assert.False(result.Succeeded);
        var context = new DefaultHttpContext { RequestServices = portal.App.Services };
        context.Response.Body = new MemoryStream();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await result.ToProblem().ExecuteAsync(context);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body);
        return json.RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync<T>(TestPortal portal, string culture, Func<ValueTask<AuthResult<T>>> step) =>
        await ProblemAsync(portal, culture, async () => (AuthResult)await step());
}
