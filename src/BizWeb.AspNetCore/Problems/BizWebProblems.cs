using System.Globalization;
using BizWeb.Auth;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore;

/// <summary>
/// A failed <see cref="AuthResult"/> as an RFC 9457 problem: status 400 (401 for an ended session; 503
/// with <c>Retry-After</c> for <see cref="MessageCode.ServiceBusy"/>, the KDF admission control's refusal),
/// <c>code</c> (the first error's stable <see cref="MessageCode"/> number), <c>message</c> (its text in
/// the request's UI culture: Japanese for <c>ja</c>, English otherwise), and <c>errors</c>, every error
/// with its code, its text and the input it belongs to (<c>field</c>, when the SDK names one).
/// Texts never contain the refused value or a secret.
/// </summary>
public static class BizWebProblems
{
    /// <summary>The <c>Retry-After</c> of a <see cref="MessageCode.ServiceBusy"/> answer, in seconds.</summary>
    private const int BusyRetryAfterSeconds = 5;

    /// <summary>The problem response for a failed <paramref name="result"/>.</summary>
    /// <param name="result">A result that did not succeed.</param>
    /// <returns>The problem details result.</returns>
    /// <exception cref="ArgumentException"><paramref name="result"/> succeeded.</exception>
    public static IResult ToProblem(this AuthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded || result.Errors.Count == 0)
        {
            throw new ArgumentException("Only a failed result is a problem.", nameof(result));
        }

        var culture = CultureInfo.CurrentUICulture;
        var first = result.Errors[0];
        var status = first.Code switch
        {
            MessageCode.SessionEnded => StatusCodes.Status401Unauthorized,
            MessageCode.ServiceBusy => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        var errors = result.Errors.Select(e => new Dictionary<string, object?>
        {
            ["code"] = (int)e.Code,
            ["field"] = e.Field,
            ["message"] = e.GetText(culture),
        }).ToArray();
        var problem = TypedResults.Problem(
            detail: first.GetText(culture),
            statusCode: status,
            title: culture.TwoLetterISOLanguageName == "ja" ? "お取扱いできません" : "The request was refused",
            type: $"urn:bizweb:message:{(int)first.Code}",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = (int)first.Code,
                ["message"] = first.GetText(culture),
                ["errors"] = errors,
            });
        return status == StatusCodes.Status503ServiceUnavailable ? new RetryLater(problem) : problem;
    }

    /// <summary>A problem answered with <c>Retry-After</c>.</summary>
    private sealed class RetryLater(IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
