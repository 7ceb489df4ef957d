using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// Review finding 4 with the real card and the default lifetimes (activation holds the contract 15
/// minutes, the card challenge lives 5): a correct answer after the challenge expired answers
/// "expired, start again", is not counted, and a new activation can begin at once.
/// </summary>
public sealed class LateCardAnswerIntegrationTests
{
    private static readonly AuditActor Browser = AuditActor.Anonymous("192.0.2.10");

    [Fact]
    public async Task A_correct_activation_card_answer_after_the_challenge_expired_is_expired_and_activation_begins_again_at_once()
    {
        using var host = new TestHost();
        await host.CreateContractAsync();
        var card = await host.IssueCardAsync();
        var activation = host.Get<AdminActivation>();
        var begun = await activation.BeginAsync(TestHost.ContractText, TestHost.RegistrationPin, Browser);
        var step = (await activation.SetCredentialsAsync(begun.Value.Handle, TestHost.RegistrationPin, TestHost.LoginPin, TestHost.ConfirmationPin, "admin@example.jp", Browser)).Value;
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(5), step.ExpiresAt);

        host.Time.Advance(TimeSpan.FromMinutes(6));
        var late = await activation.CompleteAsync(step.Handle, TestHost.Answer(card, step.Challenge.Prompts), Browser);
        Assert.Equal(MessageCode.FlowExpired, late.ErrorCode);
        var audit = await host.Get<IAuditTrailStore>().ReadAsync(0, 1_000, default);
        Assert.DoesNotContain(audit, a => a.Outcome == AuditOutcome.Failed);

        var again = await activation.BeginAsync(TestHost.ContractText, TestHost.RegistrationPin, Browser);
        Assert.True(again.Succeeded, again.ToString());
        var next = (await activation.SetCredentialsAsync(again.Value.Handle, TestHost.RegistrationPin, TestHost.LoginPin, TestHost.ConfirmationPin, "admin@example.jp", Browser)).Value;
        Assert.True((await activation.CompleteAsync(next.Handle, TestHost.Answer(card, next.Challenge.Prompts), Browser)).Succeeded);
        Assert.Equal(ContractState.Active, (await host.Get<IContractStore>().FindAsync(TestHost.Contract, default))!.State);
    }
}
