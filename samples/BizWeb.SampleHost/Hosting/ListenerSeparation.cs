namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// The customer site and the bank's operations console share one process but never a listener:
/// <c>/ops</c> answers only on the operations port, everything else only on the site's port
/// (static files on both). A request on the wrong listener gets a plain 404; <c>/</c> on the
/// operations listener redirects to the console.
/// </summary>
internal static class ListenerSeparation
{
    public static IApplicationBuilder UseListenerSeparation(this IApplicationBuilder app, SampleHostSettings settings) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        // /Error is where the exception handler re-runs a failed request, on either listener.
        var isStatic = path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/img") || path.StartsWithSegments("/Error");
        var wantsOperations = path.StartsWithSegments("/ops");
        if (path == "/" && settings.IsOperationsRequest(context))
        {
            context.Response.Redirect("/ops/");
            return;
        }

        if (!isStatic && wantsOperations != settings.IsOperationsRequest(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        StripOtherListenersCookies(context, settings.IsOperationsRequest(context));
        await next();
    });

    /// <summary>
    /// Cookies are not scoped by port, so on one host name each listener would receive the other's
    /// session cookie; it is removed before anything reads the request.
    /// </summary>
    private static void StripOtherListenersCookies(HttpContext context, bool operations)
    {
        var foreign = operations ? "__Host-BizWeb.Session=" : "__Host-BizWeb.Ops=";
        var header = context.Request.Headers.Cookie.ToString();
        if (header.Contains(foreign, StringComparison.Ordinal))
        {
            context.Request.Headers.Cookie = string.Join("; ", header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(c => !c.StartsWith(foreign, StringComparison.Ordinal)));
        }
    }
}
