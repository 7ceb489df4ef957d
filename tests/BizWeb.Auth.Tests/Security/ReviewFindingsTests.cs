using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Auth.Tests.Security;

/// <summary>Regression tests for the findings of the security review of the auth lifecycle.</summary>
public sealed class ReviewFindingsTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_stopped_contract_answers_alike_for_real_and_unknown_user_ids()
    {
        var (contract, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        await _h.RegisterUserAsync(contract, "taro");
        var enrollment = _h.Get<CertificateEnrollment>();
        for (var i = 0; i < 7; i++)
        {
            await enrollment.BeginAdminAsync(contract.ToString(), "wrong999", AuthHarness.Browser);
        }

        _h.Hasher.Reset();
        var real = await enrollment.BeginUserAsync(contract.ToString(), "taro", "guess123", AuthHarness.Browser);
        var unknown = await enrollment.BeginUserAsync(contract.ToString(), "jiro", "guess123", AuthHarness.Browser);

        Assert.Equal(MessageCode.UserLocked, real.ErrorCode);
        Assert.Equal(real.ErrorCode, unknown.ErrorCode);
        Assert.Equal(0, _h.Hasher.Verifications);
    }

    [Fact]
    public async Task A_user_deleted_between_the_PIN_and_the_token_gets_no_certificate()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var admin = await _h.AdminAsync(contract);
        await _h.Get<UserAdministration>().DeleteAsync(admin, taro, AuthHarness.AdminConfirmationPin);

        Assert.False((await enrollment.CompleteUserAsync(begun.Value.Handle, TestHardwareToken.Code, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task An_accident_or_a_withdrawn_certificate_flag_after_the_checks_voids_the_enrollment_ticket()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        async Task<string> TicketAsync()
        {
            var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
            return (await enrollment.CompleteUserAsync(begun.Value.Handle, TestHardwareToken.Code, AuthHarness.Browser)).Value.Handle;
        }

        var ticket = await TicketAsync();
        await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, taro);
        Assert.Equal(MessageCode.EnrollmentTicketInvalid, (await enrollment.RedeemTicketAsync(ticket)).ErrorCode);
        await _h.Get<BankOperations>().ClearAccidentAsync(_h.Operator, contract, taro);

        ticket = await TicketAsync();
        var admin = await _h.AdminAsync(contract);
        await _h.Get<UserAdministration>().ChangeAsync(admin, taro, new UserChange { NameKana = "ヤマダ タロウ", IssueCertificate = false }, AuthHarness.AdminConfirmationPin);
        Assert.Equal(MessageCode.EnrollmentTicketInvalid, (await enrollment.RedeemTicketAsync(ticket)).ErrorCode);
    }

    [Fact]
    public async Task An_accident_registered_during_admin_activation_or_sign_in_refuses_the_last_step()
    {
        var contract = await _h.CreateContractAsync();
        var activation = _h.Get<AdminActivation>();
        var begun = await activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var step = await activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser);
        await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, null);
        Assert.False((await activation.CompleteAsync(step.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);
        Assert.Equal(ContractState.AwaitingAdminActivation, (await _h.Store.FindAsync(contract, default))!.State);

        using var h = AuthHarness.Create();
        var (other, certificate) = await h.ActiveContractAsync(contractId: "22233344455");
        var signIn = h.Get<AdminSignIn>();
        var pinStep = await signIn.VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser);
        await h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, other, null);
        Assert.Equal(MessageCode.AccidentRegistered, (await signIn.VerifyCardAsync(pinStep.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task Records_print_no_hash_stamp_or_address()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract);
        var signedIn = await _h.SignInAdminAsync(certificate);
        var stored = (await _h.Store.FindAsync(contract, default))!;
        var user = (await _h.Store.FindAsync(contract, AuthHarness.User("taro"), default))!;
        var printed = new[] { stored.ToString(), user.ToString(), signedIn.ToString(), (await _h.OutboxAsync(contract))[0].ToString() };

        Assert.All(printed, text =>
        {
            Assert.DoesNotContain("$argon2id$", text, StringComparison.Ordinal);
            Assert.DoesNotContain(stored.SecurityStamp, text, StringComparison.Ordinal);
            Assert.DoesNotContain(user.SecurityStamp, text, StringComparison.Ordinal);
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        });
        Assert.IsType<UserSummary>(Assert.Single(await _h.Get<UserAdministration>().ListAsync(await _h.AdminAsync(contract))));
    }

    [Fact]
    public async Task Resetting_the_registration_PIN_ends_an_activation_in_progress_and_unblocks_the_real_administrator()
    {
        var contract = await _h.CreateContractAsync();
        var activation = _h.Get<AdminActivation>();
        var begun = await activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var attacker = await activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, "attack01", "attack02", "evil@example.com", AuthHarness.Browser);

        await _h.Get<BankOperations>().ResetRegistrationPinAsync(_h.Operator, contract, "9135");

        Assert.Equal(MessageCode.FlowExpired, (await activation.CompleteAsync(attacker.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).ErrorCode);
        await _h.ActivateAdminAsync(contract, "9135");
        Assert.Equal(AuthHarness.AdminEmail, (await _h.Store.FindAsync(contract, default))!.AdminEmail);
    }

    [Fact]
    public async Task The_bank_can_cancel_an_activation_in_progress()
    {
        var contract = await _h.CreateContractAsync();
        var activation = _h.Get<AdminActivation>();
        var begun = await activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        Assert.Equal(MessageCode.ActivationInterrupted, (await activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser)).ErrorCode);

        Assert.True((await _h.Get<BankOperations>().CancelActivationAsync(_h.Operator, contract)).Succeeded);
        Assert.Equal(MessageCode.InvalidState, (await _h.Get<BankOperations>().CancelActivationAsync(_h.Operator, contract)).ErrorCode);
        Assert.Equal(MessageCode.FlowExpired, (await activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser)).ErrorCode);
        await _h.ActivateAdminAsync(contract);
    }

    [Fact]
    public async Task Parallel_activation_begins_give_one_handle()
    {
        for (var round = 0; round < 10; round++)
        {
            using var h = AuthHarness.Create();
            var contract = await h.CreateContractAsync();
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                using var scope = h.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<AdminActivation>().BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
            })));

            Assert.Equal(1, results.Count(r => r.Succeeded));
            // The others meet the cooldown of the one that began; a begin that found all 7 attempts of ①
            // held by requests still in flight is refused as "busy", never "locked": nothing is locked.
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.ErrorCode, new MessageCode?[] { MessageCode.ActivationInterrupted, MessageCode.CredentialBusy }));
            Assert.Equal(ContractState.AwaitingAdminActivation, (await h.Store.FindAsync(contract, default))!.State);
        }
    }

    [Fact]
    public async Task An_answer_the_verifier_calls_malformed_counts_and_a_full_width_one_does_not()
    {
        var (contract, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var evaluations = _h.Token.Evaluations;

        Assert.Equal(MessageCode.OneTimePasswordMalformed, (await enrollment.CompleteUserAsync(begun.Value.Handle, "１２３４５６", AuthHarness.Browser)).ErrorCode);
        Assert.Equal(MessageCode.OneTimePasswordMalformed, (await enrollment.CompleteUserAsync(begun.Value.Handle, "12 34", AuthHarness.Browser)).ErrorCode);
        Assert.Equal(evaluations, _h.Token.Evaluations);
        Assert.Equal(0, await _h.Store.GetFailuresAsync($"{PrincipalId.User(contract, AuthHarness.User("taro"))}#{(int)Credential.HardwareToken}", _h.Time.GetUtcNow(), default));
    }

    [Fact]
    public async Task A_PIN_no_PIN_system_accepts_is_an_input_error_and_not_counted()
    {
        var (_, certificate) = await _h.ActiveContractAsync();
        _h.Hasher.Reset();
        var fullWidth = await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, "ｓｙａｃｈｏ０１", AuthHarness.Browser);
        var tooLong = await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, new string('a', 13) + "1", AuthHarness.Browser);

        Assert.Equal(MessageCode.PinNotHalfWidth, fullWidth.ErrorCode);
        Assert.Equal(MessageCode.PinLength, tooLong.ErrorCode);
        Assert.Equal(0, _h.Hasher.Verifications);
    }

    [Fact]
    public async Task A_change_by_the_admin_ends_the_users_live_sessions()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (certificate, session) = await _h.ActivateUserAsync(contract, taro);
        var admin = await _h.AdminAsync(contract);
        await _h.Get<UserAdministration>().ChangeAsync(admin, taro, new UserChange { NameKana = "ヤマダ タロウ", GrantedServices = [] }, AuthHarness.AdminConfirmationPin);

        Assert.False(await _h.Get<SessionValidation>().ValidateAsync(session, certificate) is not null);
    }
}
