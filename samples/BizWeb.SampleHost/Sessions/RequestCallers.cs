using BizWeb.Auth;

namespace BizWeb.SampleHost.Sessions;

/// <summary>
/// The SDK's caller of this request, as the cookie events validated it (a signed-in administrator or
/// user, or a bank operator); the pages pass it to the SDK's verbs and never build an actor themselves.
/// </summary>
internal static class RequestCallers
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, Caller caller) => context.Items[Key] = caller;

    public static T Get<T>(HttpContext context)
        where T : Caller =>
        context.Items[Key] as T ?? throw new InvalidOperationException($"The page requires a validated {typeof(T).Name}.");
}
