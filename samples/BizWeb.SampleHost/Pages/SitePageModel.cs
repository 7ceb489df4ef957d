using System.Globalization;
using BizWeb.Auth;
using BizWeb.AspNetCore;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BizWeb.SampleHost.Pages;

/// <summary>
/// What every screen needs: the audit actor of the request, the signed-in principal, the SDK's
/// messages in the page's language, and the flow handle of a multi-step screen sequence. Handles
/// travel in the encrypted TempData cookie, never in the page or the URL.
/// </summary>
public abstract class SitePageModel : PageModel
{
    private const string FlowKey = "flow";
    private const string PromptsKey = "prompts";
    private const string CarriedWarningsKey = "carried-warnings";
    private const string CarriedNoticesKey = "carried-notices";

    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>What a completed step did (e.g. 「利用者暗証番号を変更しました。」).</summary>
    public List<string> Notices { get; } = [];

    protected string? ClientAddress => HttpContext.GetBizWebClientAddress();

    protected AuditActor Anonymous => HttpContext.GetBizWebAnonymousActor();

    /// <summary>The signed-in administrator or user of this request, as the SDK validated it.</summary>
    protected SignedInCaller Caller => HttpContext.GetBizWebCaller<SignedInCaller>();

    protected SignedInAdministrator Admin => HttpContext.GetBizWebCaller<SignedInAdministrator>();

    protected SignedInUser SignedInUser => HttpContext.GetBizWebCaller<SignedInUser>();

    protected PrincipalId Principal => Caller.Principal;

    protected TimeProvider Clock => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

    /// <summary>A text in the page's language, as in the views.</summary>
    protected static string T(string ja, string en) => SiteText.T(ja, en);

    protected T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    /// <summary>The flow handle of the screen sequence under way (kept until replaced or cleared).</summary>
    protected string? FlowHandle
    {
        get => TempData.Peek(FlowKey) as string;
        set
        {
            if (value is null)
            {
                TempData.Remove(FlowKey);
            }
            else
            {
                TempData[FlowKey] = value;
            }
        }
    }

    /// <summary>The card positions (ア…ク) the current step asks for.</summary>
    public IReadOnlyList<string> Prompts
    {
        get => (TempData.Peek(PromptsKey) as string)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        protected set => TempData[PromptsKey] = string.Join(' ', value);
    }

    /// <summary>Shows a result's errors and warnings in the page's language; true when it succeeded.</summary>
    protected bool Show(AuthResult result)
    {
        Errors.AddRange(result.Errors.Select(e => e.GetText(CultureInfo.CurrentUICulture)));
        Warnings.AddRange(result.Warnings.Select(e => e.GetText(CultureInfo.CurrentUICulture)));
        return result.Succeeded;
    }

    /// <summary>
    /// Keeps this request's warnings and notices for the page the redirect shows: a warning such as
    /// "login and confirmation PIN identical" comes with the step that succeeded, before the redirect.
    /// Call it after <see cref="SignInAsync"/>, which clears the flow data.
    /// </summary>
    protected void CarryMessages()
    {
        if (Warnings.Count > 0)
        {
            TempData[CarriedWarningsKey] = string.Join('\n', Warnings);
        }

        if (Notices.Count > 0)
        {
            TempData[CarriedNoticesKey] = string.Join('\n', Notices);
        }
    }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (TempData[CarriedWarningsKey] is string warnings)
        {
            Warnings.AddRange(warnings.Split('\n'));
        }

        if (TempData[CarriedNoticesKey] is string notices)
        {
            Notices.AddRange(notices.Split('\n'));
        }

        base.OnPageHandlerExecuting(context);
    }

    protected async Task SignInAsync(SignedInPrincipal signedIn)
    {
        TempData.Clear();
        await HttpContext.SignInBizWebAsync(signedIn);
    }

    /// <summary>After a PIN change the SDK renews the stamp; the session continues with the new one.</summary>
    protected Task RenewSessionAsync(SignedInPrincipal signedIn) => HttpContext.RenewBizWebSessionAsync(signedIn);

    /// <summary>ログアウト, ended on the server (every copy of the cookie).</summary>
    protected Task SignOutAsync() => HttpContext.SignOutBizWebAsync();
}
