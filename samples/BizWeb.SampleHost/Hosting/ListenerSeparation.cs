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
        var isStatic = path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/img");
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

        await next();
    });
}
