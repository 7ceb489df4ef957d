namespace BizWeb.Auth;

/// <summary>
/// The services the flows of <c>AddBizWeb</c> call but do not provide: another BizWeb package or the
/// bank registers each. Checked once when the host starts (<see cref="RequiredSeamsValidator"/>), so a
/// missing one fails the start listing all that are missing, instead of the first request that needs it.
/// </summary>
internal sealed class RequiredSeams
{
    /// <summary>The seams this host declared it does not use (<see cref="BizWebBuilder.WithoutSeam{TSeam}"/>).</summary>
    public HashSet<Type> NotUsed { get; } = [];

    /// <summary>Each seam with what registers it, in the order a portal meets them.</summary>
    public static readonly IReadOnlyList<(Type Service, string RegisteredBy)> All =
    [
        (typeof(IClientCertificateAuthenticator), "AddCertificateAuthority() on the BizWeb builder, or the bank's own authenticator (every sign-in checks the client certificate)"),
        (typeof(ICustomerCardVerifier), "AddCustomerCards() on the BizWeb builder (the administrator's steps ask for the customer card)"),
        (typeof(IHardwareTokenVerifier), "AddHardwareTokens() on the BizWeb builder (the user's certificate and settings steps ask for the token)"),
        (typeof(ITransferConfirmationVerifier), "AddHardwareTokens() on the BizWeb builder (transfers are confirmed with the token)"),
        (typeof(ITransferExecutor), "the bank's core-system executor, e.g. services.AddScoped<ITransferExecutor, …>() (Transfers hands authorised transfers to it)"),
        (typeof(INotificationSender), "AddSmtpNotifications() on the BizWeb builder, or the bank's own sender (the security e-mail)"),
        (typeof(IBankOperatorAuthenticator), "the bank's operator authenticator, e.g. services.AddScoped<IBankOperatorAuthenticator, …>() (BankOperations acts only for an authenticated operator)"),
    ];

    /// <summary>"No X is registered: register it with …" for <paramref name="service"/>, as the start-up check says it.</summary>
    public static string Missing(Type service) =>
        $"No {service.Name} is registered: register it with {All.Single(seam => seam.Service == service).RegisteredBy}.";

    /// <summary>
    /// <paramref name="service"/>, or the start-up check's message for it: a flow reaching a seam its host
    /// declared unused (<see cref="BizWebBuilder.WithoutSeam{TSeam}"/>) fails here.
    /// </summary>
    public static T Require<T>(T? service)
        where T : class => service ?? throw new InvalidOperationException(Missing(typeof(T)));
}
