using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// The auth flows of BizWeb.Auth with the real card and token verifiers behind AddCustomerCards() and
/// AddHardwareTokens(): admin activation (管理者1-4) and sign-in (管理者3-3) with a printed card, token
/// registration (P.15) with ④, and user certificate enrollment (利用者6-3) with a token.
/// </summary>
public sealed class FlowIntegrationTests
{
    private const string TemporaryLoginPin = "Temp1234";
    private static readonly AuditActor Browser = AuditActor.Anonymous("192.0.2.10");
    private static readonly AuditActor AdminActor = AuditActor.Principal(TestHost.Admin, "192.0.2.10");

    private static async Task<(TestHost Host, CustomerCardPrint Card)> ActivatedContractAsync()
    {
        var host = new TestHost();
        await host.CreateContractAsync();
        var card = await host.IssueCardAsync();
        await host.ActivateAdminAsync(card);
        return (host, card);
    }

    private static async Task RegisterUserAsync(TestHost host)
    {
        var registration = new UserRegistration
        {
            UserId = "taro01",
            NameKana = "ﾀﾛｳ",
            TemporaryLoginPin = TemporaryLoginPin,
            TemporaryConfirmationPin = "Temp5678",
            IssueCertificate = true,
        };
        var result = await host.Get<UserAdministration>().RegisterAsync(await host.AdminAsync(), registration, TestHost.ConfirmationPin);
        Assert.True(result.Succeeded, result.ToString());
    }

    private static async Task ImportTokensAsync(TestHost host)
    {
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Pskc", "totp-plain.xml"));
        Assert.True((await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator)).Succeeded);
    }

    private static string Code(TestHost host, int offset = 0) =>
        Hotp.FormatString(Hotp.Compute(Rfc.Key20, (host.Time.GetUtcNow().ToUnixTimeSeconds() / 30) + offset, OtpHashAlgorithm.Sha1, 6), 6);

    [Fact]
    public async Task Admin_activation_then_sign_in_with_the_printed_card()
    {
        var (host, card) = await ActivatedContractAsync();
        using var disposeHost = host;
        host.CertificatePrincipal = TestHost.Admin;
        using var certificate = TestHost.DummyCertificate();
        var signIn = host.Get<AdminSignIn>();

        var step = await signIn.VerifyPinAsync(certificate, TestHost.LoginPin, Browser);
        Assert.True(step.Succeeded, step.ToString());
        Assert.Equal(3, step.Value.Challenge.Prompts.Count);
        var signedIn = await signIn.VerifyCardAsync(step.Value.Handle, TestHost.Answer(card, step.Value.Challenge.Prompts), Browser);
        Assert.True(signedIn.Succeeded, signedIn.ToString());
        Assert.Equal(TestHost.Admin, signedIn.Value.Principal);
    }

    [Fact]
    public async Task Sign_in_with_a_reissued_cards_old_values_fails()
    {
        var (host, old) = await ActivatedContractAsync();
        using var disposeHost = host;
        var renewed = await host.IssueCardAsync();
        host.CertificatePrincipal = TestHost.Admin;
        using var certificate = TestHost.DummyCertificate();
        var signIn = host.Get<AdminSignIn>();

        var step = (await signIn.VerifyPinAsync(certificate, TestHost.LoginPin, Browser)).Value;
        var oldAnswer = TestHost.Answer(old, step.Challenge.Prompts);
        var newAnswer = TestHost.Answer(renewed, step.Challenge.Prompts);
        if (oldAnswer != newAnswer)
        {
            var refused = await signIn.VerifyCardAsync(step.Handle, oldAnswer, Browser);
            Assert.Equal(MessageCode.OneTimePasswordIncorrect, refused.ErrorCode);
            step = (await signIn.VerifyPinAsync(certificate, TestHost.LoginPin, Browser)).Value;
            newAnswer = TestHost.Answer(renewed, step.Challenge.Prompts);
        }

        Assert.True((await signIn.VerifyCardAsync(step.Handle, newAnswer, Browser)).Succeeded);
    }

    [Fact]
    public async Task A_full_width_card_answer_is_an_input_error_not_a_failure()
    {
        var (host, card) = await ActivatedContractAsync();
        using var disposeHost = host;
        host.CertificatePrincipal = TestHost.Admin;
        using var certificate = TestHost.DummyCertificate();
        var signIn = host.Get<AdminSignIn>();
        var step = (await signIn.VerifyPinAsync(certificate, TestHost.LoginPin, Browser)).Value;
        var answer = TestHost.Answer(card, step.Challenge.Prompts);
        var fullWidth = string.Concat(answer.Select(c => (char)(c - '0' + '０')));

        // More malformed answers than the lock limit (7): none of them counts, so the contract is not stopped.
        for (var i = 0; i < 8; i++)
        {
            var refused = await signIn.VerifyCardAsync(step.Handle, fullWidth, Browser);
            Assert.Equal(MessageCode.OneTimePasswordMalformed, refused.ErrorCode);
        }

        Assert.True((await signIn.VerifyCardAsync(step.Handle, answer, Browser)).Succeeded);
    }

    [Fact]
    public async Task The_admin_registers_a_token_and_the_user_enrolls_a_certificate_with_it()
    {
        var (host, _) = await ActivatedContractAsync();
        using var disposeHost = host;
        await RegisterUserAsync(host);
        await ImportTokensAsync(host);

        var code = Code(host);
        var registered = await host.Get<HardwareTokenRegistration>().RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "TOTP-0001", code, TestHost.ConfirmationPin);
        Assert.True(registered.Succeeded, registered.ToString());
        Assert.Equal(TokenSetup.User, (await host.Get<HardwareTokenInventory>().FindAsync("TOTP-0001"))!.Owner);

        var enrollment = host.Get<CertificateEnrollment>();
        var begin = await enrollment.BeginUserAsync(TestHost.ContractText, "taro01", TemporaryLoginPin, Browser);
        Assert.True(begin.Succeeded, begin.ToString());

        // The code used at registration was used up there.
        var replay = await enrollment.CompleteUserAsync(begin.Value.Handle, code, Browser);
        Assert.False(replay.Succeeded);

        host.Time.Advance(TimeSpan.FromSeconds(30));
        begin = await enrollment.BeginUserAsync(TestHost.ContractText, "taro01", TemporaryLoginPin, Browser);
        var ticket = await enrollment.CompleteUserAsync(begin.Value.Handle, Code(host), Browser);
        Assert.True(ticket.Succeeded, ticket.ToString());
        Assert.Equal(TokenSetup.User, (await enrollment.RedeemTicketAsync(ticket.Value.Handle)).Value);
    }

    [Fact]
    public async Task Registration_needs_the_confirmation_PIN_a_stocked_token_and_its_current_code()
    {
        var (host, _) = await ActivatedContractAsync();
        using var disposeHost = host;
        await RegisterUserAsync(host);
        await ImportTokensAsync(host);
        var registration = host.Get<HardwareTokenRegistration>();

        Assert.Equal(MessageCode.ConfirmationPinIncorrect, (await registration.RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "TOTP-0001", Code(host), "Wrong999")).ErrorCode);
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await registration.RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "NO-SUCH", Code(host), TestHost.ConfirmationPin)).ErrorCode);
        Assert.Equal(MessageCode.UserNotFound, (await registration.RegisterAsync(await host.AdminAsync(), UserId.Parse("hanako").Value, "TOTP-0001", Code(host), TestHost.ConfirmationPin)).ErrorCode);
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await registration.RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "TOTP-0001", Code(host, 40), TestHost.ConfirmationPin)).ErrorCode);
        Assert.Equal(MessageCode.OneTimePasswordMalformed, (await registration.RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "TOTP-0001", "１２３４５６", TestHost.ConfirmationPin)).ErrorCode);

        // A token that drifted a little in stock still registers (registration window, ±2 steps), and its drift is learnt.
        Assert.True((await registration.RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "TOTP-0001", Code(host, 2), TestHost.ConfirmationPin)).Succeeded);
        Assert.Equal(2, (await host.Get<HardwareTokenInventory>().FindAsync("TOTP-0001"))!.Drift);
    }

    [Fact]
    public async Task One_token_per_user_a_replacement_retires_the_old_one()
    {
        var (host, _) = await ActivatedContractAsync();
        using var disposeHost = host;
        await RegisterUserAsync(host);
        var builder = new PskcBuilder().Add("NEW-1", Rfc.Key20).Add("NEW-2", Rfc.Key20);
        await using (var stream = builder.ToStream())
        {
            Assert.True((await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator)).Succeeded);
        }

        var registration = host.Get<HardwareTokenRegistration>();
        Assert.True((await registration.RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "NEW-1", Code(host), TestHost.ConfirmationPin)).Succeeded);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await registration.RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "NEW-2", Code(host), TestHost.ConfirmationPin)).Succeeded);

        var inventory = host.Get<HardwareTokenInventory>();
        Assert.Equal(HardwareTokenStatus.Retired, (await inventory.FindAsync("NEW-1"))!.Status);
        Assert.Equal((HardwareTokenStatus.Assigned, TokenSetup.User), ((await inventory.FindAsync("NEW-2"))!.Status, (await inventory.FindAsync("NEW-2"))!.Owner!.Value));

        // A retired token cannot be registered again, to anyone.
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await registration.RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, "NEW-1", Code(host, 1), TestHost.ConfirmationPin)).ErrorCode);
    }

    [Fact]
    public async Task Wrong_card_answers_count_through_the_lockout_engine_and_the_seventh_stops_the_contract()
    {
        var (host, card) = await ActivatedContractAsync();
        using var disposeHost = host;
        host.CertificatePrincipal = TestHost.Admin;
        using var certificate = TestHost.DummyCertificate();
        var signIn = host.Get<AdminSignIn>();
        var step = (await signIn.VerifyPinAsync(certificate, TestHost.LoginPin, Browser)).Value;
        var answer = TestHost.Answer(card, step.Challenge.Prompts);
        var wrong = string.Concat(answer.Select(c => (char)('0' + ((c - '0' + 1) % 10))));

        var codes = new List<MessageCode?>();
        for (var i = 0; i < 7; i++)
        {
            codes.Add((await signIn.VerifyCardAsync(step.Handle, wrong, Browser)).ErrorCode);
        }

        Assert.All(codes[..6], c => Assert.Equal(MessageCode.OneTimePasswordIncorrect, c));
        Assert.Equal(ContractState.Stopped, (await host.Get<IContractStore>().FindAsync(TestHost.Contract, default))!.State);
        Assert.False((await signIn.VerifyCardAsync(step.Handle, answer, Browser)).Succeeded);
        Assert.False((await signIn.VerifyPinAsync(certificate, TestHost.LoginPin, Browser)).Succeeded);
    }

    [Fact]
    public async Task The_admin_obtains_a_certificate_ticket_with_the_printed_card()
    {
        var (host, card) = await ActivatedContractAsync();
        using var disposeHost = host;
        var enrollment = host.Get<CertificateEnrollment>();
        var step = await enrollment.BeginAdminAsync(TestHost.ContractText, TestHost.LoginPin, Browser);
        Assert.True(step.Succeeded, step.ToString());
        var ticket = await enrollment.CompleteAdminAsync(step.Value.Handle, TestHost.Answer(card, step.Value.Challenge.Prompts), Browser);
        Assert.True(ticket.Succeeded, ticket.ToString());
        Assert.Equal(TestHost.Admin, (await enrollment.RedeemTicketAsync(ticket.Value.Handle)).Value);
    }
}
