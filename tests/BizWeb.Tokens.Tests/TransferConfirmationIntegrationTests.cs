using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// 利用者9-1 … 9-2 with the real transaction-bound confirmation behind AddHardwareTokens(): the auth
/// transfer flow binds a TOTP token's code to the reviewed digest through <see cref="ITransferConfirmationVerifier"/>.
/// </summary>
public sealed class TransferConfirmationIntegrationTests : IDisposable
{
    private static readonly AuditActor AdminActor = AuditActor.Principal(TestHost.Admin, "192.0.2.10");
    private static readonly AuditActor UserActor = AuditActor.Principal(TokenSetup.User, "192.0.2.11");
    private readonly TestTransferExecutor _executor = new();
    private readonly TestHost _host;

    public TransferConfirmationIntegrationTests() => _host = new TestHost(services: s => s.AddSingleton<ITransferExecutor>(_executor));

    public void Dispose() => _host.Dispose();

    private async Task<HardwareToken?> SetUpAsync(bool withToken = true)
    {
        await _host.CreateContractAsync();
        await _host.ActivateAdminAsync(await _host.IssueCardAsync());
        Assert.True((await _host.Get<BankOperations>().SetContractServicesAsync(TestHost.Operator, TestHost.Contract, [BankServices.Transfers])).Succeeded);
        Assert.True((await _host.Get<OptionalSettings>().SetDebitAccountsAsync(await _host.AdminAsync(), [new DebitAccount("001", PayeeAccountType.Ordinary, "1234567", new(null, null))], TestHost.ConfirmationPin)).Succeeded);
        var registered = await _host.Get<UserAdministration>().RegisterAsync(await _host.AdminAsync(), new UserRegistration
        {
            UserId = "taro01",
            NameKana = "ﾀﾛｳ",
            TemporaryLoginPin = "Temp1234",
            TemporaryConfirmationPin = "Temp5678",
            GrantedServices = [BankServices.Transfers],
        }, TestHost.ConfirmationPin);
        Assert.True(registered.Succeeded, registered.ToString());
        var user = (await _host.Get<IUserStore>().FindAsync(TestHost.Contract, TokenSetup.Taro, default))!;
        Assert.True(user.TryApply(UserTrigger.Activated, _host.Time.GetUtcNow(), out var active));
        Assert.Equal(CommitOutcome.Committed, await _host.Get<IAuthUnitOfWork>().CommitAsync(new AuthChanges().Put(active), default));
        return withToken ? await TokenSetup.AssignAsync(_host, "TOTP0001", Rfc.Key20, TokenSetup.User) : null;
    }

    private TransferRequest Request(string key, long amount) => new()
    {
        IdempotencyKey = key,
        DebitAccount = "001-1-1234567",
        PayeeBankCode = "0005",
        PayeeBranchCode = "123",
        PayeeAccountNumber = "7654321",
        PayeeName = "ｶ)ﾄｳｷｮｳｼｮｳｼﾞ",
        Amount = amount,
    };

    private async Task<Guid> ReviewedAsync(string key, long amount)
    {
        var transfers = _host.Get<Transfers>();
        var draft = await transfers.DraftAsync(await _host.CallerAsync<SignedInUser>(TokenSetup.User), Request(key, amount));
        Assert.True(draft.Succeeded, draft.ToString());
        var review = await transfers.ReviewAsync(await _host.CallerAsync<SignedInUser>(TokenSetup.User), draft.Value.Id);
        Assert.True(review.Succeeded, review.ToString());
        Assert.Null(review.Value.OcraChallenge);
        return draft.Value.Id;
    }

    [Fact]
    public async Task The_token_code_authorises_the_reviewed_transfer_and_cannot_be_replayed_on_another()
    {
        var token = (await SetUpAsync())!;
        var first = await ReviewedAsync("a", 10_000);
        var second = await ReviewedAsync("b", 20_000);
        var code = TokenSetup.Code(_host, token, Rfc.Key20);

        var authorised = await _host.Get<Transfers>().ConfirmAsync(await _host.CallerAsync<SignedInUser>(TokenSetup.User), first, code);
        Assert.True(authorised.Succeeded, authorised.ToString());
        Assert.Equal(TransferState.Authorised, authorised.Value.State);
        // The same code on the other transfer is used already: "wait for the next code", not a wrong guess.
        Assert.Equal(MessageCode.OneTimePasswordReplayed, (await _host.Get<Transfers>().ConfirmAsync(await _host.CallerAsync<SignedInUser>(TokenSetup.User), second, code)).ErrorCode);

        _host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await _host.Get<Transfers>().ConfirmAsync(await _host.CallerAsync<SignedInUser>(TokenSetup.User), second, TokenSetup.Code(_host, token, Rfc.Key20))).Succeeded);
        Assert.Equal(2, _executor.Executions.Count);
    }

    [Fact]
    public async Task A_confirmation_bound_to_one_transfer_does_not_confirm_a_changed_one()
    {
        var token = (await SetUpAsync())!;
        var id = await ReviewedAsync("a", 10_000);
        var transfer = (await _host.Get<ITransferStore>().FindAsync(id, default))!;
        var changed = transfer.Details with { PayeeAccountNumber = "0000001" };
        var verdict = await _host.Get<ITransferConfirmationVerifier>().ConfirmAsync(transfer.ConfirmationId!.Value, TokenSetup.User, changed.ComputeDigest(), TokenSetup.Code(_host, token, Rfc.Key20), default);
        Assert.Equal(SecondFactorResult.Rejected, verdict.Result);
        // The mismatch killed the confirmation: even the right digest cannot use it now.
        Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await _host.Get<Transfers>().ConfirmAsync(await _host.CallerAsync<SignedInUser>(TokenSetup.User), id, TokenSetup.Code(_host, token, Rfc.Key20))).ErrorCode);
    }

    [Fact]
    public async Task A_user_without_a_token_cannot_review()
    {
        await SetUpAsync(withToken: false);
        var transfers = _host.Get<Transfers>();
        var draft = await transfers.DraftAsync(await _host.CallerAsync<SignedInUser>(TokenSetup.User), Request("a", 1_000));
        Assert.True(draft.Succeeded, draft.ToString());
        Assert.Equal(MessageCode.HardwareTokenNotRegistered, (await transfers.ReviewAsync(await _host.CallerAsync<SignedInUser>(TokenSetup.User), draft.Value.Id)).ErrorCode);
    }
}
