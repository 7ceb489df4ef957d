using System.Globalization;
using BizWeb.Auth;
using BizWeb.SampleHost.Sessions;
using Microsoft.AspNetCore.Authentication;
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

    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    protected string? ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    protected AuditActor Anonymous => AuditActor.Anonymous(ClientAddress);

    protected SignedInPrincipal SignedIn => SessionPrincipal.Read(User) ?? throw new InvalidOperationException("The page requires a signed-in principal.");

    protected PrincipalId Principal => SignedIn.Principal;

    protected AuditActor Actor => AuditActor.Principal(Principal, ClientAddress);

    protected TimeProvider Clock => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

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

    protected async Task SignInAsync(SignedInPrincipal signedIn)
    {
        TempData.Clear();
        await HttpContext.SignInAsync(SessionPrincipal.Scheme, SessionPrincipal.Create(signedIn, Clock.GetUtcNow()));
    }

    /// <summary>After a PIN change the SDK renews the stamp; the session continues with the new one.</summary>
    protected Task RenewSessionAsync(SignedInPrincipal signedIn) =>
        HttpContext.SignInAsync(SessionPrincipal.Scheme, SessionPrincipal.Renew(User, signedIn));

    protected Task SignOutAsync() => HttpContext.SignOutAsync(SessionPrincipal.Scheme);
}
