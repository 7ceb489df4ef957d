using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.QuickStart;
using BizWeb.Tokens;

// ── The BizWeb glue: the SDK, its stores, second factors, CA, mail and host layer ──
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBizWeb(builder.Configuration.GetSection("BizWeb"))          // one tree: BizWeb and its sections CertificateAuthority, Smtp, AspNetCore
    .AddCustomerCards().AddHardwareTokens().AddCertificateAuthority()              // お客様カード, tokens, the bank's CA
    .AddSqliteStores(builder.Configuration.GetConnectionString("BizWeb")!)         // or AddPostgreSqlStores(…)
    .AddSmtpNotifications()                                                       // security e-mail
    .AddAspNetCore();                                                             // session, policies, proxies, rate limits, outbox, health
builder.Services.AddScoped<ITransferExecutor, CoreBanking>();                     // the bank's core system
builder.Services.AddSingleton<IBankOperatorAuthenticator, BackOffice>();          // the bank's operators
builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https => https.AllowBizWebClientCertificates()));
var app = builder.Build();
await app.Services.MigrateBizWebStoresAsync();
if (args is ["bank", .. var command]) return await BackOffice.RunAsync(app.Services, command);  // the back office: a new contract
app.UseBizWeb();                                                                  // proxies, rate limiter, authentication, authorization
app.MapBizWeb();                                                                  // certificate enrollment API, CRL, CA certificate, /health

// ── 管理者 (administrator): activation 1-2…1-4, sign-in 3-2/3-3, users 4-2, tokens P.15, accounts P.16 ──
var admin = app.MapGroup("/admin").RequireRateLimiting(BizWebRateLimiting.CredentialPolicy);
admin.MapPost("/activation", async (Form f, AdminActivation flow, HttpContext http) =>
    (await flow.BeginAsync(f.ContractId, f.RegistrationPin, http.GetBizWebAnonymousActor(), http.RequestAborted)).ToHttpResult(s => new { s.Handle }));
admin.MapPost("/activation/credentials", async (Form f, AdminActivation flow, HttpContext http) =>
    (await flow.SetCredentialsAsync(f.Handle, f.RegistrationPin, f.LoginPin, f.ConfirmationPin, f.Email, http.GetBizWebAnonymousActor(), http.RequestAborted)).ToHttpResult(s => new { s.Handle, s.Challenge.Prompts }));
admin.MapPost("/activation/card", async (Form f, AdminActivation flow, HttpContext http) =>
    (await flow.CompleteAsync(f.Handle, f.CardAnswer, http.GetBizWebAnonymousActor(), http.RequestAborted)).ToHttpResult());
admin.MapPost("/login", async (Form f, AdminSignIn flow, HttpContext http) =>
    (await flow.VerifyPinAsync(await http.GetBizWebClientCertificateAsync(), f.LoginPin, http.GetBizWebAnonymousActor(), http.RequestAborted)).ToHttpResult(s => new { s.Handle, s.Challenge.Prompts }));
admin.MapPost("/login/card", async (Form f, AdminSignIn flow, HttpContext http) =>
    await http.SignInBizWebAsync(await flow.VerifyCardAsync(f.Handle, f.CardAnswer, http.GetBizWebAnonymousActor(), http.RequestAborted)));
var manage = admin.MapGroup("").RequireAuthorization(BizWebPolicies.Administrator);
manage.MapPost("/users", async (NewUser u, UserAdministration flow, HttpContext http) =>
    (await flow.RegisterAsync(http.GetBizWebCaller<SignedInAdministrator>(), u.User, u.ConfirmationPin, http.RequestAborted)).ToHttpResult());
manage.MapPost("/users/{userId}/token", async (UserId userId, Form f, HardwareTokenRegistration flow, HttpContext http) =>
    (await flow.RegisterAsync(http.GetBizWebCaller<SignedInAdministrator>(), userId, f.SerialNumber ?? "", f.TokenCode ?? "", f.ConfirmationPin ?? "", http.RequestAborted)).ToHttpResult());
manage.MapPut("/debit-accounts", async (NewAccounts a, OptionalSettings flow, HttpContext http) =>
    (await flow.SetDebitAccountsAsync(http.GetBizWebCaller<SignedInAdministrator>(), a.Accounts, a.ConfirmationPin, http.RequestAborted)).ToHttpResult());

// ── 利用者 (user): activation 7-3/7-4, sign-in 8-2, transfers 9-1/9-2 ──
var user = app.MapGroup("/user").RequireRateLimiting(BizWebRateLimiting.CredentialPolicy);
user.MapPost("/activation", async (Form f, UserActivation flow, HttpContext http) =>
    (await flow.BeginAsync(await http.GetBizWebClientCertificateAsync(), f.LoginPin, http.GetBizWebAnonymousActor(), http.RequestAborted)).ToHttpResult(s => new { s.Handle }));
user.MapPost("/activation/pins", async (NewPins p, UserActivation flow, HttpContext http) =>
    await http.SignInBizWebAsync(await flow.CompleteAsync(p.Handle, p.Pins, http.GetBizWebAnonymousActor(), http.RequestAborted)));
user.MapPost("/login", async (Form f, UserSignIn flow, HttpContext http) =>
    await http.SignInBizWebAsync(await flow.SignInAsync(await http.GetBizWebClientCertificateAsync(), f.LoginPin, http.GetBizWebAnonymousActor(), http.RequestAborted)));
var transfers = user.MapGroup("/transfers").RequireAuthorization(BizWebPolicies.Service(BankServices.Transfers));
transfers.MapPost("", async (TransferRequest request, Transfers flow, HttpContext http) =>
{
    var draft = await flow.DraftAsync(http.GetBizWebCaller<SignedInUser>(), request, http.RequestAborted);  // permission, payee, fee, every limit
    return draft.Succeeded
        ? (await flow.ReviewAsync(http.GetBizWebCaller<SignedInUser>(), draft.Value.Id, http.RequestAborted)).ToHttpResult(r => new { r.Transfer.Id, r.Transfer.Details, r.ExpiresAt })
        : draft.ToProblem();
});
transfers.MapPost("/{id:guid}/confirm", async (Guid id, Form f, Transfers flow, HttpContext http) =>
    (await flow.ConfirmAsync(http.GetBizWebCaller<SignedInUser>(), id, f.TokenCode, http.RequestAborted)).ToHttpResult(t => new { t.Id, State = t.State.ToString(), t.ExecutionReference }));
await app.RunAsync();
return 0;

// No anti-forgery token: every endpoint takes a JSON body, which minimal APIs refuse (415) under any other
// content type, and a cross-site page can send application/json only after a CORS preflight, which this
// portal never allows (and the session cookie is SameSite=Strict). A form post, a body-less POST or CORS
// with credentials would need anti-forgery (AddAntiforgery, UseAntiforgery).
internal sealed record Form(string? ContractId, string? Handle, string? RegistrationPin, string? LoginPin, string? ConfirmationPin, string? Email, string? CardAnswer, string? SerialNumber, string? TokenCode);
internal sealed record NewUser(UserRegistration User, string? ConfirmationPin);
internal sealed record NewAccounts(IReadOnlyList<DebitAccount> Accounts, string? ConfirmationPin);
internal sealed record NewPins(string? Handle, UserActivationRequest Pins);
