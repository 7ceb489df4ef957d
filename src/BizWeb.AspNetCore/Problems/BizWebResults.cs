using BizWeb.Auth;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore;

/// <summary>
/// An <see cref="AuthResult"/> as the HTTP answer of a JSON endpoint: the value (200) or no content
/// (204) on success, otherwise the RFC 9457 problem of <see cref="BizWebProblems.ToProblem"/>.
/// Give a value to a client only when it is meant for it: a handle and its prompts, a transfer;
/// a <see cref="SignedInPrincipal"/> goes to <see cref="BizWebHttpContextExtensions.SignInBizWebAsync(HttpContext, AuthResult{SignedInPrincipal})"/>, never into a body.
/// </summary>
public static class BizWebResults
{
    /// <summary>204 on success, otherwise the problem.</summary>
    /// <param name="result">The SDK's answer.</param>
    /// <returns>The HTTP result.</returns>
    public static IResult ToHttpResult(this AuthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? Results.NoContent() : result.ToProblem();
    }

    /// <summary>200 with the value as JSON on success, otherwise the problem.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="result">The SDK's answer.</param>
    /// <returns>The HTTP result.</returns>
    /// <exception cref="ArgumentException">The value is a <see cref="SignedInPrincipal"/> (a session is not a response body).</exception>
    public static IResult ToHttpResult<T>(this AuthResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        if (result.Value is SignedInPrincipal)
        {
            throw new ArgumentException("A sign-in starts a session (SignInBizWebAsync); it is not written into a response.", nameof(result));
        }

        return Results.Ok(result.Value);
    }

    /// <summary>200 with what <paramref name="project"/> makes of the value, as JSON, on success; otherwise the problem.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="result">The SDK's answer.</param>
    /// <param name="project">What the client is shown of the value (e.g. <c>t =&gt; new { t.Id, t.State }</c>).</param>
    /// <returns>The HTTP result.</returns>
    public static IResult ToHttpResult<T>(this AuthResult<T> result, Func<T, object> project)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(project);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var shown = project(result.Value);
        return shown is SignedInPrincipal
            ? throw new ArgumentException("A sign-in starts a session (SignInBizWebAsync); it is not written into a response.", nameof(project))
            : Results.Ok(shown);
    }
}
