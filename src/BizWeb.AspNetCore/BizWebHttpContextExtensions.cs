using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>The request's BizWeb caller, session, client certificate and client address.</summary>
public static class BizWebHttpContextExtensions
{
    private static readonly object CallerKey = new();

    /// <summary>The SDK's caller of this request (a validated administrator or user, or a host's bank operator), if any.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The caller, or <see langword="null"/> when the request is not signed in.</returns>
    public static Caller? GetBizWebCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(CallerKey, out var caller) ? caller as Caller : null;
    }

    /// <summary>The caller of this request as <typeparamref name="TCaller"/> (e.g. <see cref="SignedInAdministrator"/>), for endpoints behind the matching policy.</summary>
    /// <typeparam name="TCaller">The caller type the endpoint requires.</typeparam>
    /// <param name="context">The request.</param>
    /// <returns>The caller.</returns>
    /// <exception cref="InvalidOperationException">The request has no such caller (the endpoint lacks its policy).</exception>
    public static TCaller GetBizWebCaller<TCaller>(this HttpContext context)
        where TCaller : Caller =>
        context.GetBizWebCaller() as TCaller
        ?? throw new InvalidOperationException($"The endpoint requires a validated {typeof(TCaller).Name}; put it behind the matching BizWeb policy.");

    /// <summary>
    /// Makes <paramref name="caller"/> the caller of this request — for a host's own scheme (e.g. an
    /// operations console whose cookie events made a <see cref="BankOperator"/> through the SDK). The
    /// session scheme sets it itself.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="caller">A caller the SDK made on this request.</param>
    public static void SetBizWebCaller(this HttpContext context, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        context.Items[CallerKey] = caller;
    }

    /// <summary>Starts the session of a completed sign-in (管理者3-3, 利用者8-2, 利用者7-4): the cookie bound to the sign-in's certificate.</summary>
    /// <param name="context">The request.</param>
    /// <param name="signedIn">What the SDK's sign-in answered.</param>
    /// <returns>A task that completes when the cookie is issued.</returns>
    public static Task SignInBizWebAsync(this HttpContext context, SignedInPrincipal signedIn)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signedIn);
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        return context.SignInAsync(BizWebAuthenticationDefaults.Scheme, SessionClaims.Create(signedIn, time.GetUtcNow()));
    }

    /// <summary>
    /// The answer of a sign-in endpoint: starts the session when <paramref name="signedIn"/> succeeded
    /// (204), otherwise the problem (<see cref="BizWebProblems.ToProblem"/>) and no session.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="signedIn">What the SDK's sign-in step answered.</param>
    /// <returns>The HTTP result.</returns>
    public static async Task<IResult> SignInBizWebAsync(this HttpContext context, AuthResult<SignedInPrincipal> signedIn)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signedIn);
        if (!signedIn.Succeeded)
        {
            return signedIn.ToProblem();
        }

        await context.SignInBizWebAsync(signedIn.Value).ConfigureAwait(false);
        return Results.NoContent();
    }

    /// <summary>Continues the session with the stamp a PIN change renewed, keeping its sign-in time (the absolute time-out is not extended).</summary>
    /// <param name="context">The request.</param>
    /// <param name="signedIn">What the SDK's PIN change answered.</param>
    /// <returns>A task that completes when the cookie is renewed.</returns>
    public static Task RenewBizWebSessionAsync(this HttpContext context, SignedInPrincipal signedIn)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signedIn);
        return context.SignInAsync(BizWebAuthenticationDefaults.Scheme, SessionClaims.Renew(context.User, signedIn));
    }

    /// <summary>ログアウト: ends the session on the server (every copy of the cookie, on every instance) and removes the cookie.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the session is ended.</returns>
    public static async Task SignOutBizWebAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<BizWebAspNetCoreOptions>>().Value;
        await context.RequestServices.GetRequiredService<EndedSessions>().EndAsync(context.User, options.AbsoluteTimeout, context.RequestAborted).ConfigureAwait(false);
        await context.SignOutAsync(BizWebAuthenticationDefaults.Scheme).ConfigureAwait(false);
    }

    /// <summary>
    /// The client certificate of this request: the TLS connection's, or one a trusted proxy forwarded
    /// (<see cref="BizWebAspNetCoreOptions.TrustedProxies"/>); the SDK judges it.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <returns>The certificate, or <see langword="null"/> when none was presented.</returns>
    public static async Task<X509Certificate2?> GetBizWebClientCertificateAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The client's address for audit records: the connection's, or <c>X-Forwarded-For</c>'s from a trusted proxy; IPv4 as IPv4.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The address, or <see langword="null"/> when unknown (e.g. an in-process test server).</returns>
    public static string? GetBizWebClientAddress(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;
    }

    /// <summary>The audit actor of a request nobody has signed in on yet (activation, sign-in, enrollment).</summary>
    /// <param name="context">The request.</param>
    /// <returns>An anonymous actor with the client's address.</returns>
    public static AuditActor GetBizWebAnonymousActor(this HttpContext context) => AuditActor.Anonymous(context.GetBizWebClientAddress());
}
