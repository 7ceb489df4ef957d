using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Flows;

/// <summary>SPEC.md §2 user id rules and §4 step 3 (管理者4-1 … 4-3, 5-1).</summary>
public sealed class UserAdministrationTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    private static UserRegistration Registration(string userId) => new()
    {
        UserId = userId,
        NameKana = "ヤマダ タロウ",
        TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
        TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
    };

    private async Task<AuthResult> RegisterAsync(ContractId contract, UserRegistration registration, string confirmationPin = AuthHarness.AdminConfirmationPin) =>
        await _h.Get<UserAdministration>().RegisterAsync(await _h.AdminAsync(contract), registration, confirmationPin);

    [Fact]
    public async Task Registration_stores_every_field_with_hashed_temporary_PINs_and_notifies_the_admin()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract);

        var user = (await _h.Store.FindAsync(contract, AuthHarness.User("taro"), default))!;
        Assert.Equal(UserState.Registered, user.State);
        Assert.Equal("ヤマダ タロウ", user.NameKana);
        Assert.Equal("山田 太郎", user.NameKanji);
        Assert.True(user.IssueCertificate);
        Assert.DoesNotContain(AuthHarness.TemporaryLoginPin, user.LoginPinHash, StringComparison.Ordinal);
        Assert.Equal(PinVerificationResult.Succeeded, _h.Hasher.VerifyPin(AuthHarness.TemporaryLoginPin, user.LoginPinHash));
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.UserRegistered && n.EmailAddress == AuthHarness.AdminEmail);
    }

    [Fact]
    public async Task A_user_id_must_be_unique_in_its_contract()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract);
        var again = await RegisterAsync(contract, Registration("taro"));

        Assert.Equal(MessageCode.UserIdAlreadyUsed, again.ErrorCode);
        Assert.Equal("入力された利用者ＩＤはすでに使用されています。", again.Errors[0].Ja);
        Assert.True((await RegisterAsync(contract, Registration("Taro"))).Succeeded, "user ids are case-sensitive");
    }

    [Fact]
    public async Task A_user_id_must_not_equal_the_contract_id()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        Assert.Equal(MessageCode.UserIdAlreadyUsed, (await RegisterAsync(contract, Registration(contract.ToString()))).ErrorCode);
    }

    [Fact]
    public async Task A_deleted_user_id_is_refused_until_the_following_Monday_in_Tokyo()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var admin = await _h.AdminAsync(contract);
        // Wednesday 2026-11-25 10:00 JST.
        Assert.True((await _h.Get<UserAdministration>().DeleteAsync(admin, taro, AuthHarness.AdminConfirmationPin)).Succeeded);
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.UserDeleted);

        // Sunday 2026-11-29 23:59:59 JST = 14:59:59 UTC.
        _h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 14, 59, 59, TimeSpan.Zero));
        Assert.Equal(MessageCode.UserIdAlreadyUsed, (await RegisterAsync(contract, Registration("taro"))).ErrorCode);

        // Monday 2026-11-30 00:00 JST.
        _h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero));
        Assert.True((await RegisterAsync(contract, Registration("taro"))).Succeeded);
        Assert.Equal(UserState.Registered, (await _h.Store.FindAsync(contract, taro, default))!.State);
    }

    [Fact]
    public async Task At_most_99_users_per_contract_and_deleted_ones_do_not_count()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        for (var i = 1; i <= 99; i++)
        {
            Assert.True((await RegisterAsync(contract, Registration($"user{i}"))).Succeeded);
        }

        var hundredth = await RegisterAsync(contract, Registration("user100"));
        Assert.Equal(MessageCode.UserLimitReached, hundredth.ErrorCode);
        Assert.Contains("99", hundredth.Errors[0].Ja, StringComparison.Ordinal);

        var admin = await _h.AdminAsync(contract);
        await _h.Get<UserAdministration>().DeleteAsync(admin, AuthHarness.User("user1"), AuthHarness.AdminConfirmationPin);
        Assert.True((await RegisterAsync(contract, Registration("user100"))).Succeeded);
    }

    [Fact]
    public async Task Parallel_registrations_never_exceed_the_limit()
    {
        using var h = AuthHarness.Create(o => o.MaxUsersPerContract = 5);
        var (contract, _) = await h.ActiveContractAsync();
        var admin = await h.AdminAsync(contract);
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            h.Get<UserAdministration>().RegisterAsync(admin, Registration($"u{i}"), AuthHarness.AdminConfirmationPin).AsTask())));

        Assert.Equal(5, (await h.Store.ListAsync(contract, default)).Count);
        Assert.Equal(5, results.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task Registration_is_authorised_by_the_admin_confirmation_PIN()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var result = await RegisterAsync(contract, Registration("taro"), "wrong999");

        Assert.Equal(MessageCode.ConfirmationPinIncorrect, result.ErrorCode);
        Assert.Empty(await _h.Store.ListAsync(contract, default));
    }

    [Fact]
    public async Task Input_errors_are_reported_together_and_cost_no_guess()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        _h.Hasher.Reset();
        var result = await RegisterAsync(contract, new UserRegistration { UserId = "ｔａｒｏ", TemporaryLoginPin = "12", TemporaryConfirmationPin = "abcdef", Email = "x" });

        Assert.Contains(result.Errors, e => e.Code == MessageCode.UserIdNotHalfWidth);
        Assert.Contains(result.Errors, e => e.Code == MessageCode.UserNameKanaRequired);
        Assert.Contains(result.Errors, e => e.Code == MessageCode.PinLength);
        Assert.Contains(result.Errors, e => e.Code == MessageCode.PinRequiresDigit);
        Assert.Contains(result.Errors, e => e.Code == MessageCode.EmailInvalid);
        Assert.Equal(0, _h.Hasher.Verifications);
    }

    [Fact]
    public async Task A_forgotten_user_PIN_is_reset_by_the_admin_and_works_without_a_new_activation()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (certificate, session) = await _h.ActivateUserAsync(contract, taro);
        var admin = await _h.AdminAsync(contract);

        var reset = await _h.Get<UserAdministration>().ResetPinsAsync(admin, taro, "reset001", "reset002", AuthHarness.AdminConfirmationPin);

        Assert.True(reset.Succeeded);
        Assert.False(await _h.Get<SessionValidation>().ValidateAsync(session, certificate) is not null);
        Assert.True((await _h.Get<UserSignIn>().SignInAsync(certificate, "reset001", AuthHarness.Browser)).Succeeded);
        Assert.Equal(UserState.Active, (await _h.Store.FindAsync(contract, taro, default))!.State);
    }

    [Fact]
    public async Task Changing_a_user_updates_the_record_and_notifies_the_admin()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var admin = await _h.AdminAsync(contract);
        Assert.True((await _h.Get<BankOperations>().SetContractServicesAsync(_h.Operator, contract, [BankServices.BalanceInquiry])).Succeeded);
        var result = await _h.Get<UserAdministration>().ChangeAsync(admin, taro, new UserChange { NameKana = "ヤマダ ハナコ", GrantedServices = ["BalanceInquiry"] }, AuthHarness.AdminConfirmationPin);

        Assert.True(result.Succeeded);
        var user = (await _h.Store.FindAsync(contract, taro, default))!;
        Assert.Equal("ヤマダ ハナコ", user.NameKana);
        Assert.Null(user.Email);
        Assert.Equal(["BalanceInquiry"], user.GrantedServices);
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.UserChanged);
    }

    [Fact]
    public async Task Releasing_a_user_that_is_not_suspended_is_an_illegal_transition()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var admin = await _h.AdminAsync(contract);
        Assert.Equal(MessageCode.InvalidState, (await _h.Get<UserAdministration>().ReleaseSuspensionAsync(admin, taro, AuthHarness.AdminConfirmationPin)).ErrorCode);
    }

    [Fact]
    public async Task Deleted_users_are_not_listed_and_cannot_sign_in()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (certificate, _) = await _h.ActivateUserAsync(contract, taro);
        var admin = await _h.AdminAsync(contract);
        await _h.Get<UserAdministration>().DeleteAsync(admin, taro, AuthHarness.AdminConfirmationPin);

        Assert.Empty(await _h.Get<UserAdministration>().ListAsync(admin));
        // The certificate of a deleted user maps to no principal (as the bank's CA answers, PrincipalUnknown).
        Assert.Equal(MessageCode.CertificateNotAccepted, (await _h.Get<UserSignIn>().SignInAsync(certificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).ErrorCode);
    }
}
