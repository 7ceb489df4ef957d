using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Security;

/// <summary>
/// Issue 16: a caller validated earlier is re-checked by every privileged verb inside its own load. A
/// caller gone stale since (contract locked, user suspended or deleted, security stamp changed,
/// certificate revoked, accident registered) is refused with a result, and the verb changes nothing.
/// One verb of every flow class: user administration, optional settings, the administrator's ④,
/// credential changes, transfers.
/// </summary>
public sealed class StaleCallerTests : IDisposable
{
    private const string WrongPin = "wrong999";
    private readonly AuthHarness _h = AuthHarness.Create();

    public enum Staleness
    {
        ContractLocked,
        StampChanged,
        CertificateRevoked,
        AccidentRegistered,
    }

    public enum UserStaleness
    {
        UserSuspended,
        UserDeleted,
        StampChanged,
        CertificateRevoked,
        AccidentRegistered,
        ContractLocked,
    }

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData(Staleness.ContractLocked, MessageCode.AdminLocked)]
    [InlineData(Staleness.StampChanged, MessageCode.SessionEnded)]
    [InlineData(Staleness.CertificateRevoked, MessageCode.SessionEnded)]
    // An accident renews the security stamp: the caller is stale before its ④ is looked at.
    [InlineData(Staleness.AccidentRegistered, MessageCode.SessionEnded)]
    public async Task A_stale_administrator_is_refused_by_every_administrator_flow(Staleness staleness, MessageCode expected)
    {
        var (contract, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var admin = await _h.AdminAsync(contract);
        Assert.NotNull(await Validate(admin));
        await MakeStaleAsync(contract, staleness);
        Assert.Null(await Validate(admin));

        var register = await _h.Get<UserAdministration>().RegisterAsync(admin, new UserRegistration
        {
            UserId = "hanako",
            NameKana = "ヤマダ ハナコ",
            TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
            TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
        }, AuthHarness.AdminConfirmationPin);
        Assert.Equal(expected, register.ErrorCode);
        Assert.Null(await _h.Store.FindAsync(contract, AuthHarness.User("hanako"), default));

        var limit = await _h.Get<OptionalSettings>().SetContractLimitAsync(admin, new(1_000, 2_000), AuthHarness.AdminConfirmationPin);
        Assert.Equal(expected, limit.ErrorCode);
        Assert.Null((await _h.Get<IContractSettingsStore>().FindAsync(contract, default))?.ContractLimit?.PerTransfer);

        Assert.Equal(expected, (await _h.Get<AdminAuthorization>().VerifyConfirmationPinAsync(admin, AuthHarness.AdminConfirmationPin)).ErrorCode);

        var email = await _h.Get<CredentialChanges>().ChangeEmailAsync(admin, AuthHarness.AdminConfirmationPin, "stale@example.co.jp");
        Assert.Equal(expected, email.ErrorCode);
        Assert.NotEqual("stale@example.co.jp", (await _h.Store.FindAsync(contract, default))!.AdminEmail);
    }

    [Fact]
    public async Task A_stale_administrator_guesses_nothing_the_confirmation_PIN_counter_sees()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var admin = await _h.AdminAsync(contract);
        await MakeStaleAsync(contract, Staleness.StampChanged);

        Assert.Equal(MessageCode.SessionEnded, (await _h.Get<AdminAuthorization>().VerifyConfirmationPinAsync(admin, WrongPin)).ErrorCode);
        Assert.Equal(0, await _h.Store.GetFailuresAsync(CounterKey.For(admin.Principal, Credential.AdminConfirmationPin), _h.Time.GetUtcNow(), default));
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "AdminConfirmationPin" && a.Detail == nameof(MessageCode.SessionEnded) && a.Actor == admin.Actor);
    }

    [Theory]
    [InlineData(UserStaleness.UserSuspended, MessageCode.UserSuspended, MessageCode.UserLocked)]
    [InlineData(UserStaleness.UserDeleted, MessageCode.SessionEnded, MessageCode.SessionEnded)]
    [InlineData(UserStaleness.StampChanged, MessageCode.SessionEnded, MessageCode.SessionEnded)]
    [InlineData(UserStaleness.CertificateRevoked, MessageCode.SessionEnded, MessageCode.SessionEnded)]
    // The transfer verbs check states first (with the manual's message); a PIN verb refuses the renewed stamp before the guess.
    [InlineData(UserStaleness.AccidentRegistered, MessageCode.AccidentRegistered, MessageCode.SessionEnded)]
    [InlineData(UserStaleness.ContractLocked, MessageCode.ContractNotActive, MessageCode.UserLocked)]
    public async Task A_stale_user_is_refused_by_transfers_and_credential_changes(UserStaleness staleness, MessageCode transferCode, MessageCode changeCode)
    {
        var s = await TransferScenario.CreateAsync(_h, mode: staleness == UserStaleness.ContractLocked ? LockoutMode.Linked : LockoutMode.Unlinked);
        var user = s.User;
        var reviewed = await s.DraftAndReviewAsync(s.Request(1_000));
        Assert.True(reviewed.Succeeded, reviewed.ToString());
        await MakeStaleAsync(s, staleness);
        Assert.Null(await Validate(user));

        Assert.Equal(transferCode, (await s.Transfers.DraftAsync(user, s.Request(2_000))).ErrorCode);
        var confirmed = await s.Transfers.ConfirmAsync(user, reviewed.Value.Id, TestHardwareToken.Code);
        Assert.False(confirmed.Succeeded);
        Assert.Contains(confirmed.ErrorCode, new MessageCode?[] { transferCode, MessageCode.UserLocked });
        Assert.Empty(_h.Executor.Executions);
        Assert.Equal(TransferState.Reviewed, (await _h.Get<ITransferStore>().FindAsync(reviewed.Value.Id, default))!.State);

        var email = await _h.Get<CredentialChanges>().ChangeEmailAsync(user, AuthHarness.UserConfirmationPin, "stale@example.co.jp");
        Assert.Equal(changeCode, email.ErrorCode);
        Assert.NotEqual("stale@example.co.jp", (await _h.Store.FindAsync(s.Contract, user.UserId, default))!.Email);
    }

    [Fact]
    public async Task A_caller_keeps_the_client_address_it_was_validated_with_in_every_audit_record()
    {
        var s = await TransferScenario.CreateAsync(_h);
        var transfer = await s.TransferAsync(s.Request(1_000));
        Assert.True(transfer.Succeeded, transfer.ToString());

        var records = (await _h.AuditAsync()).Where(a => a.Action.StartsWith("Transfer", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, a => Assert.Equal(new AuditActor(AuditActorKind.User, s.UserPrincipal.ToString(), TestSessions.ClientAddress), a.Actor));
    }

    [Fact]
    public async Task A_bank_operator_is_only_what_the_hosts_authenticator_vouches_for()
    {
        var authentication = _h.Get<BankOperatorAuthentication>();
        Assert.Null(await authentication.AuthenticateAsync(null));
        Assert.Null(await authentication.AuthenticateAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(TestBankOperators.OperatorClaim, "op001")], "forged"))));
        var op = await authentication.AuthenticateAsync(TestBankOperators.Session("op001"), "10.0.0.5");
        Assert.Equal(AuditActor.BankOperator("op001", "10.0.0.5"), op!.Actor);

        await _h.CreateContractAsync();
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "ContractCreated" && a.Actor == _h.Operator.Actor);
    }

    private ValueTask<SignedInCaller?> Validate(SignedInCaller caller) =>
        _h.Get<SessionValidation>().ValidateAsync(caller.Session, caller is SignedInAdministrator ? _h.AdminCertificate(caller.ContractId) : Certificate(caller), TestSessions.ClientAddress);

    private System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate(SignedInCaller caller) => _userCertificates[caller.Principal];

    private readonly Dictionary<PrincipalId, System.Security.Cryptography.X509Certificates.X509Certificate2> _userCertificates = [];

    private async Task MakeStaleAsync(ContractId contract, Staleness staleness)
    {
        switch (staleness)
        {
            case Staleness.ContractLocked:
                using (var certificate = _h.Certificates.IssueFor(PrincipalId.Administrator(contract)))
                {
                    for (var i = 0; i < 7; i++)
                    {
                        await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, WrongPin, AuthHarness.Browser);
                    }
                }

                Assert.Equal(ContractState.Stopped, (await _h.Store.FindAsync(contract, default))!.State);
                break;
            case Staleness.StampChanged:
                Assert.True((await _h.Get<CredentialChanges>().ChangeAdminLoginPinAsync(await _h.AdminAsync(contract), AuthHarness.AdminLoginPin, "syacho09")).Succeeded);
                break;
            case Staleness.CertificateRevoked:
                _h.Certificates.Revoke(_h.AdminCertificate(contract));
                break;
            case Staleness.AccidentRegistered:
                Assert.True((await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, null)).Succeeded);
                break;
        }
    }

    private async Task MakeStaleAsync(TransferScenario s, UserStaleness staleness)
    {
        _userCertificates[s.UserPrincipal] = s.UserCertificate;
        var users = _h.Get<UserAdministration>();
        switch (staleness)
        {
            case UserStaleness.UserSuspended:
            case UserStaleness.ContractLocked:
                for (var i = 0; i < 7; i++)
                {
                    await _h.Get<UserSignIn>().SignInAsync(s.UserCertificate, WrongPin, AuthHarness.Browser);
                }

                Assert.Equal(UserState.Suspended, (await _h.Store.FindAsync(s.Contract, s.User.UserId, default))!.State);
                Assert.Equal(staleness == UserStaleness.ContractLocked ? ContractState.Stopped : ContractState.Active, (await _h.Store.FindAsync(s.Contract, default))!.State);
                break;
            case UserStaleness.UserDeleted:
                Assert.True((await users.DeleteAsync(await _h.AdminAsync(s.Contract), s.User.UserId, AuthHarness.AdminConfirmationPin)).Succeeded);
                break;
            case UserStaleness.StampChanged:
                Assert.True((await users.ResetPinsAsync(await _h.AdminAsync(s.Contract), s.User.UserId, "taro0101", "taro0202", AuthHarness.AdminConfirmationPin)).Succeeded);
                break;
            case UserStaleness.CertificateRevoked:
                _h.Certificates.Revoke(s.UserCertificate);
                break;
            case UserStaleness.AccidentRegistered:
                Assert.True((await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, s.Contract, s.User.UserId)).Succeeded);
                break;
        }
    }
}
