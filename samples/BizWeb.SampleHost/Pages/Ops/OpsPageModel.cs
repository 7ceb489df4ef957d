using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Operations;

namespace BizWeb.SampleHost.Pages.Ops;

/// <summary>
/// What every console screen needs on top of <see cref="SitePageModel"/>: the signed-in operator as
/// the SDK's <see cref="BankOperator"/> caller (with the terminal's address) and a line of
/// results to show after an action.
/// </summary>
public abstract class OpsPageModel : SitePageModel
{
    public List<string> Results { get; } = [];

    protected string OperatorId => OperatorSession.OperatorId(User) ?? throw new InvalidOperationException("The console page requires a signed-in operator.");

    /// <summary>The bank operator of this request, as the SDK made it from the host's <see cref="OperatorAuthenticator"/>.</summary>
    protected BankOperator Operator => HttpContext.GetBizWebCaller<BankOperator>();

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Shows a result's messages, and <paramref name="done"/> when it succeeded.</summary>
    protected bool Report(AuthResult result, string done)
    {
        if (Show(result))
        {
            Results.Add(done);
            return true;
        }

        return false;
    }

    /// <summary>Shows the errors of an identifier that does not parse; true when it did.</summary>
    protected bool Parsed<T>(ParseResult<T> parsed, out T value)
    {
        if (parsed.Succeeded)
        {
            value = parsed.Value;
            return true;
        }

        Errors.AddRange(parsed.Errors.Select(e => e.GetText(System.Globalization.CultureInfo.CurrentUICulture)));
        value = default!;
        return false;
    }
}
