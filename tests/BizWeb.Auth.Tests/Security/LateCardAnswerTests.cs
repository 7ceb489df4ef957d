using System.Security.Cryptography.X509Certificates;
using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Security;

/// <summary>
/// Review finding 4: a card step whose challenge has expired answers "expired, start again"
/// (<see cref="MessageCode.FlowExpired"/>) without judging or counting the answer — at admin activation
/// (管理者1-4, which also ends the interruption cooldown), admin sign-in (管理者3-3) and admin
/// certificate enrollment (管理者2-3). A wrong answer before expiry still counts. The in-test card's
/// challenge lives 5 minutes, like the real card's default.
/// </summary>
public sealed class LateCardAnswerTests : IDisposable
{
    private static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);
    private readonly AuthHarness _h = AuthHarness.Create(o => o.Flows.StepLifetime = TimeSpan.FromMinutes(10));

    public void Dispose() => _h.Dispose();

    private AdminActivation Activation => _h.Get<AdminActivation>();

    private Task<int> CardFailuresAsync(ContractId contract) =>
        _h.Store.GetFailuresAsync(CounterKey.For(PrincipalId.Administrator(contract), Credential.CustomerCard), _h.Time.GetUtcNow(), default).AsTask();

    private async Task<(ContractId Contract, SecondFactorStep Step)> ActivationAtTheCardStepAsync()
    {
        var contract = await _h.CreateContractAsync();
        var begun = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var step = await Activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser);
        Assert.True(step.Succeeded, step.ToString());
        return (contract, step.Value);
    }

    [Theory]
    [InlineData(TestCustomerCard.Answer)]
    [InlineData("999999")]
    public async Task An_activation_card_answer_after_the_challenge_expired_is_expired_not_counted_and_ends_the_cooldown(string answer)
    {
        var (contract, step) = await ActivationAtTheCardStepAsync();
        Assert.Equal(_h.Time.GetUtcNow() + ChallengeLifetime, step.ExpiresAt);
        _h.Time.Advance(ChallengeLifetime);
        var evaluations = _h.Card.Evaluations;

        var late = await Activation.CompleteAsync(step.Handle, answer, AuthHarness.Browser);

        Assert.Equal(MessageCode.FlowExpired, late.ErrorCode);
        Assert.Equal(0, await CardFailuresAsync(contract));
        Assert.Equal(evaluations, _h.Card.Evaluations);
        Assert.Equal(MessageCode.FlowExpired, (await Activation.CompleteAsync(step.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).ErrorCode);

        // The person starts again at once: the 15-minute interruption cooldown ended with the expired step.
        var again = await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        Assert.True(again.Succeeded, again.ToString());
        var step2 = await Activation.SetCredentialsAsync(again.Value.Handle, AuthHarness.RegistrationPin, AuthHarness.AdminLoginPin, AuthHarness.AdminConfirmationPin, AuthHarness.AdminEmail, AuthHarness.Browser);
        Assert.True((await Activation.CompleteAsync(step2.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task A_wrong_activation_card_answer_before_the_challenge_expires_still_counts_and_the_cooldown_holds()
    {
        var (contract, step) = await ActivationAtTheCardStepAsync();
        _h.Time.Advance(ChallengeLifetime - TimeSpan.FromSeconds(1));

        Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await Activation.CompleteAsync(step.Handle, "999999", AuthHarness.Browser)).ErrorCode);
        Assert.Equal(1, await CardFailuresAsync(contract));
        Assert.Equal(MessageCode.ActivationInterrupted, (await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser)).ErrorCode);
        Assert.True((await Activation.CompleteAsync(step.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task An_activation_abandoned_at_the_card_step_still_holds_the_contract_for_the_cooldown()
    {
        var (contract, _) = await ActivationAtTheCardStepAsync();
        _h.Time.Advance(ChallengeLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(MessageCode.ActivationInterrupted, (await Activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task An_admin_sign_in_card_step_ends_with_its_challenge_and_a_late_answer_is_not_counted()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        using var disposeCertificate = certificate;
        var signIn = _h.Get<AdminSignIn>();
        var step = (await signIn.VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser)).Value;

        // The flow's step lives 10 minutes here, the challenge 5: the step shown ends with the challenge.
        Assert.Equal(_h.Time.GetUtcNow() + ChallengeLifetime, step.ExpiresAt);
        _h.Time.Advance(ChallengeLifetime);
        Assert.Equal(MessageCode.FlowExpired, (await signIn.VerifyCardAsync(step.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).ErrorCode);
        Assert.Equal(0, await CardFailuresAsync(contract));

        var again = (await signIn.VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser)).Value;
        Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await signIn.VerifyCardAsync(again.Handle, "999999", AuthHarness.Browser)).ErrorCode);
        Assert.Equal(1, await CardFailuresAsync(contract));
        Assert.True((await signIn.VerifyCardAsync(again.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task An_admin_enrollment_card_step_ends_with_its_challenge_and_a_late_answer_is_not_counted()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        certificate.Dispose();
        var enrollment = _h.Get<CertificateEnrollment>();
        var step = (await enrollment.BeginAdminAsync(contract.ToString(), AuthHarness.AdminLoginPin, AuthHarness.Browser)).Value;

        Assert.Equal(_h.Time.GetUtcNow() + ChallengeLifetime, step.ExpiresAt);
        _h.Time.Advance(ChallengeLifetime);
        Assert.Equal(MessageCode.FlowExpired, (await enrollment.CompleteAdminAsync(step.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).ErrorCode);
        Assert.Equal(0, await CardFailuresAsync(contract));

        var again = (await enrollment.BeginAdminAsync(contract.ToString(), AuthHarness.AdminLoginPin, AuthHarness.Browser)).Value;
        Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await enrollment.CompleteAdminAsync(again.Handle, "999999", AuthHarness.Browser)).ErrorCode);
        Assert.Equal(1, await CardFailuresAsync(contract));
        Assert.True((await enrollment.CompleteAdminAsync(again.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task A_step_shorter_than_the_challenge_keeps_its_own_lifetime()
    {
        using var h = AuthHarness.Create(o => o.Flows.StepLifetime = TimeSpan.FromMinutes(2));
        var (_, certificate) = await h.ActiveContractAsync();
        using X509Certificate2 disposeCertificate = certificate;
        var step = (await h.Get<AdminSignIn>().VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser)).Value;
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromMinutes(2), step.ExpiresAt);
    }
}
