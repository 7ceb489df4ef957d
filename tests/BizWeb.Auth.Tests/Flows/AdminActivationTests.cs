using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Flows;

/// <summary>SPEC.md §4 step 1 (管理者1-1 … 1-5) and the interrupted-activation cooldown (Q1-5).</summary>
public sealed class AdminActivationTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    private AdminActivation Activation => _h.Get<AdminActivation>();

    [Fact]
    public async Task Activation_sets_login_and_confirmation_PINs_and_email_after_the_card_and_notifies_the_admin()
    {
        var contract = await _h.CreateContractAsync();
        var begun = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var step = await Activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser);

        Assert.Equal(["ア", "ウ", "キ"], step.Value.Challenge.Prompts);
        Assert.Equal(ContractState.AwaitingAdminActivation, (await _h.Store.FindAsync(contract, default))!.State);
        Assert.True((await Activation.CompleteAsync(step.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);

        var active = (await _h.Store.FindAsync(contract, default))!;
        Assert.Equal(ContractState.Active, active.State);
        Assert.Equal(AuthHarness.AdminEmail, active.AdminEmail);
        Assert.Equal(PinVerificationResult.Succeeded, _h.Hasher.VerifyPin(AuthHarness.AdminLoginPin, active.AdminLoginPinHash));
        Assert.Equal(PinVerificationResult.Succeeded, _h.Hasher.VerifyPin(AuthHarness.AdminConfirmationPin, active.AdminConfirmationPinHash));
        var notice = Assert.Single(await _h.OutboxAsync(contract));
        Assert.Equal(SecurityEvent.AdminActivated, notice.Event);
        Assert.Equal(AuthHarness.AdminEmail, notice.EmailAddress);
    }

    [Fact]
    public async Task The_registration_PIN_must_be_re_entered_correctly_at_step_1_3()
    {
        var contract = await _h.CreateContractAsync();
        var begun = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var step = await Activation.SetCredentialsAsync(begun.Value.Handle, "9999", AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser);

        Assert.Equal(MessageCode.AdminSignInFailed, step.ErrorCode);
    }

    [Fact]
    public async Task New_PINs_follow_the_PIN_system_and_every_broken_rule_is_reported()
    {
        var contract = await _h.CreateContractAsync();
        var begun = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var step = await Activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, "abc", "１２３４５６a", "not-an-address", AuthHarness.Browser);

        Assert.Contains(step.Errors, e => e.Code == MessageCode.PinLength);
        Assert.Contains(step.Errors, e => e.Code == MessageCode.PinNotHalfWidth);
        Assert.Contains(step.Errors, e => e.Code == MessageCode.EmailInvalid);
        Assert.DoesNotContain(step.Errors, e => e.Ja.Contains("abc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_value_for_two_PINs_is_allowed_with_a_warning()
    {
        var contract = await _h.CreateContractAsync();
        var begun = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var step = await Activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, "same0001", "same0001", AuthHarness.AdminEmail, AuthHarness.Browser);

        Assert.True(step.Succeeded);
        Assert.Equal(MessageCode.PinReused, Assert.Single(step.Warnings).Code);
    }

    [Fact]
    public async Task No_step_can_be_skipped_or_replayed()
    {
        var contract = await _h.CreateContractAsync();
        var begun = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);

        Assert.Equal(MessageCode.FlowExpired, (await Activation.CompleteAsync(begun.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).ErrorCode);
        Assert.Equal(MessageCode.FlowExpired, (await Activation.CompleteAsync("forged-handle", TestCustomerCard.Answer, AuthHarness.Browser)).ErrorCode);

        var step = await Activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser);
        Assert.Equal(MessageCode.FlowExpired, (await Activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, "other001", "other002", AuthHarness.AdminEmail, AuthHarness.Browser)).ErrorCode);
        Assert.True((await Activation.CompleteAsync(step.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);
        Assert.Equal(MessageCode.FlowExpired, (await Activation.CompleteAsync(step.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task An_interrupted_activation_blocks_a_new_one_for_15_minutes_from_its_last_step()
    {
        var contract = await _h.CreateContractAsync();
        var begun = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        _h.Time.Advance(TimeSpan.FromMinutes(3));
        await Activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser);

        _h.Time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        var refused = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        Assert.Equal(MessageCode.ActivationInterrupted, refused.ErrorCode);
        Assert.Equal("開通確認処理が途中で中断されたため、開通確認ができません。しばらくお待ちいただいてから、再度開通確認を行ってください。", refused.Errors[0].Ja);

        _h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task The_cooldown_is_configurable()
    {
        using var h = AuthHarness.Create(o => o.Flows.InterruptedActivationCooldown = TimeSpan.FromMinutes(5));
        var contract = await h.CreateContractAsync();
        var activation = h.Get<AdminActivation>();
        await activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task An_active_contract_needs_no_activation()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        Assert.Equal(MessageCode.AlreadyActivated, (await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task A_contract_without_a_card_cannot_reach_the_card_step()
    {
        var contract = await _h.CreateContractAsync();
        _h.Card.WithoutCard.Add(contract);
        var begun = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var step = await Activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser);
        Assert.Equal(MessageCode.SecondFactorNotRegistered, step.ErrorCode);
    }

    [Fact]
    public async Task Full_width_input_gets_the_half_width_error_and_is_not_counted()
    {
        var contract = await _h.CreateContractAsync();
        _h.Hasher.Reset();
        var result = await Activation.BeginAsync("１２３４５６７８９０１", "１２３４", AuthHarness.Browser);

        Assert.Contains(result.Errors, e => e.Code == MessageCode.ContractIdNotHalfWidth);
        Assert.Contains(result.Errors, e => e.Code == MessageCode.RegistrationPinNotHalfWidth);
        Assert.Equal(0, _h.Hasher.Verifications);
    }

    [Fact]
    public async Task An_accident_refuses_activation()
    {
        var contract = await _h.CreateContractAsync();
        await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, null);
        Assert.Equal(MessageCode.AccidentRegistered, (await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser)).ErrorCode);
    }
}
