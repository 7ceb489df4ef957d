using System.Text.Json;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.AspNetCore.Tests;

/// <summary><c>ToHttpResult()</c> and the sign-in answer: a JSON endpoint in one line, and a session never written into a body.</summary>
public sealed class HttpResultTests
{
    [Fact]
    public void A_success_without_a_value_is_204_and_a_failure_the_problem()
    {
        Assert.IsType<NoContent>(AuthResult.Success.ToHttpResult());
        var problem = Assert.IsType<ProblemHttpResult>(AuthResult.Fail(MessageCode.ContractIdRequired).ToHttpResult());
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
    }

    [Fact]
    public async Task A_value_is_200_as_JSON_whole_or_as_projected()
    {
        var handle = new FlowHandle("h-123", DateTimeOffset.UnixEpoch);
        Assert.Equal("h-123", (await BodyAsync(AuthResult.Ok(handle).ToHttpResult())).GetProperty("handle").GetString());
        var projected = await BodyAsync(AuthResult.Ok(handle).ToHttpResult(h => new { only = h.Handle }));
        Assert.Equal("h-123", projected.GetProperty("only").GetString());
        Assert.False(projected.TryGetProperty("expiresAt", out _));
        Assert.IsType<ProblemHttpResult>(AuthResult.Fail<FlowHandle>(MessageCode.ContractIdRequired).ToHttpResult(h => h.Handle));
    }

    [Fact]
    public void A_sign_in_is_never_written_into_a_response()
    {
        var signedIn = AuthResult.Ok(new SignedInPrincipal(PrincipalId.Administrator(AuthHarness.DefaultContract), "stamp", "01", "AB"));
        Assert.Throws<ArgumentException>(() => signedIn.ToHttpResult());
    }

    [Fact]
    public async Task A_refused_sign_in_answers_the_problem_and_starts_no_session()
    {
        await using var portal = await TestPortal.StartAsync();
        var context = new DefaultHttpContext { RequestServices = portal.App.Services };
        var result = await context.SignInBizWebAsync(AuthResult.Fail<SignedInPrincipal>(MessageCode.ContractIdRequired));
        Assert.IsType<ProblemHttpResult>(result);
        Assert.False(context.Response.Headers.ContainsKey("Set-Cookie"));
    }

    private static async Task<JsonElement> BodyAsync(IResult result)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body);
        return json.RootElement.Clone();
    }
}
