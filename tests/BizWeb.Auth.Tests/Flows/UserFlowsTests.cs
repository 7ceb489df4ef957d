using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Flows;

/// <summary>SPEC.md §4 steps 5 and 6 and user login (利用者6-1 … 8-3).</summary>
public sealed class UserFlowsTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task User_activation_replaces_the_temporary_PINs_and_notifies_the_user()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (certificate, signedIn) = await _h.ActivateUserAsync(contract, taro);

        Assert.Equal(PrincipalId.User(contract, taro), signedIn.Principal);
        Assert.Equal(UserState.Active, (await _h.Store.FindAsync(contract, taro, default))!.State);
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.UserActivated && n.EmailAddress == "taro@example.co.jp");
        var signIn = _h.Get<UserSignIn>();
        Assert.True((await signIn.SignInAsync(certificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded);
        Assert.Equal(MessageCode.UserSignInFailed, (await signIn.SignInAsync(certificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task New_PINs_must_differ_from_the_temporary_ones()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var certificate = _h.Certificates.IssueFor(PrincipalId.User(contract, taro));
        var activation = _h.Get<UserActivation>();
        var begun = await activation.BeginAsync(certificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var result = await activation.CompleteAsync(begun.Value.Handle, new UserActivationRequest
        {
            TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
            NewLoginPin = AuthHarness.TemporaryLoginPin,
            TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
            NewConfirmationPin = AuthHarness.TemporaryConfirmationPin,
        }, AuthHarness.Browser);

        Assert.Equal(2, result.Errors.Count(e => e.Code == MessageCode.PinSameAsTemporary));
        Assert.Equal(UserState.Registered, (await _h.Store.FindAsync(contract, taro, default))!.State);
    }

    [Fact]
    public async Task Equal_login_and_confirmation_PINs_are_allowed_with_a_warning()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var certificate = _h.Certificates.IssueFor(PrincipalId.User(contract, taro));
        var activation = _h.Get<UserActivation>();
        var begun = await activation.BeginAsync(certificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var result = await activation.CompleteAsync(begun.Value.Handle, new UserActivationRequest
        {
            TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
            NewLoginPin = "same0001",
            TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
            NewConfirmationPin = "same0001",
        }, AuthHarness.Browser);

        Assert.True(result.Succeeded);
        Assert.Equal(MessageCode.PinReused, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public async Task An_email_is_required_at_activation_when_none_is_registered()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract, email: null);
        var certificate = _h.Certificates.IssueFor(PrincipalId.User(contract, taro));
        var activation = _h.Get<UserActivation>();
        var begun = await activation.BeginAsync(certificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        Assert.False(begun.Value.HasEmail);
        var request = new UserActivationRequest
        {
            TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
            NewLoginPin = AuthHarness.UserLoginPin,
            TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
            NewConfirmationPin = AuthHarness.UserConfirmationPin,
        };

        Assert.Equal(MessageCode.EmailInvalid, (await activation.CompleteAsync(begun.Value.Handle, request, AuthHarness.Browser)).ErrorCode);
        var done = await activation.CompleteAsync(begun.Value.Handle, new UserActivationRequest
        {
            TemporaryLoginPin = request.TemporaryLoginPin,
            NewLoginPin = request.NewLoginPin,
            TemporaryConfirmationPin = request.TemporaryConfirmationPin,
            NewConfirmationPin = request.NewConfirmationPin,
            Email = "taro@example.co.jp",
        }, AuthHarness.Browser);
        Assert.True(done.Succeeded);
        Assert.Equal("taro@example.co.jp", (await _h.Store.FindAsync(contract, taro, default))!.Email);
    }

    [Fact]
    public async Task An_interrupted_user_activation_blocks_a_new_one_for_the_cooldown()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var certificate = _h.Certificates.IssueFor(PrincipalId.User(contract, taro));
        var activation = _h.Get<UserActivation>();
        await activation.BeginAsync(certificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser);

        _h.Time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        Assert.Equal(MessageCode.ActivationInterrupted, (await activation.BeginAsync(certificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser)).ErrorCode);
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await activation.BeginAsync(certificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task A_user_must_activate_before_signing_in()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var certificate = _h.Certificates.IssueFor(PrincipalId.User(contract, taro));
        Assert.Equal(MessageCode.ActivationRequired, (await _h.Get<UserSignIn>().SignInAsync(certificate, AuthHarness.TemporaryLoginPin, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task A_certificate_that_is_not_accepted_or_of_the_wrong_kind_is_refused()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (certificate, _) = await _h.ActivateUserAsync(contract, taro);
        var signIn = _h.Get<UserSignIn>();

        Assert.Equal(MessageCode.CertificateNotAccepted, (await signIn.SignInAsync(adminCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).ErrorCode);
        _h.Certificates.Revoke(certificate);
        Assert.Equal(MessageCode.CertificateNotAccepted, (await signIn.SignInAsync(certificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).ErrorCode);
        Assert.Equal(MessageCode.CertificateNotAccepted, (await signIn.SignInAsync(null, AuthHarness.UserLoginPin, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task User_certificate_enrollment_needs_the_temporary_PIN_and_the_token_and_gives_a_single_use_ticket()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var ticket = await enrollment.CompleteUserAsync(begun.Value.Handle, TestHardwareToken.Code, AuthHarness.Browser);

        var redeemed = await enrollment.RedeemTicketAsync(ticket.Value.Handle);
        Assert.Equal(PrincipalId.User(contract, taro), redeemed.Value);
        Assert.Equal(MessageCode.EnrollmentTicketInvalid, (await enrollment.RedeemTicketAsync(ticket.Value.Handle)).ErrorCode);
        Assert.Equal(MessageCode.FlowExpired, (await enrollment.CompleteUserAsync(begun.Value.Handle, TestHardwareToken.Code, AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task An_enrollment_ticket_expires()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var ticket = await enrollment.CompleteUserAsync(begun.Value.Handle, TestHardwareToken.Code, AuthHarness.Browser);
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(MessageCode.EnrollmentTicketInvalid, (await enrollment.RedeemTicketAsync(ticket.Value.Handle)).ErrorCode);
    }

    [Fact]
    public async Task Parallel_redemptions_of_one_ticket_succeed_once()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var ticket = await enrollment.CompleteUserAsync(begun.Value.Handle, TestHardwareToken.Code, AuthHarness.Browser);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => enrollment.RedeemTicketAsync(ticket.Value.Handle).AsTask())));
        Assert.Equal(1, results.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task A_user_whose_record_says_no_certificate_cannot_enroll()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract, issueCertificate: false);
        var begun = await _h.Get<CertificateEnrollment>().BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        Assert.Equal(MessageCode.CertificateNotPermitted, begun.ErrorCode);
    }

    [Fact]
    public async Task Admin_certificate_enrollment_needs_the_login_PIN_and_the_card()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var enrollment = _h.Get<CertificateEnrollment>();
        var step = await enrollment.BeginAdminAsync(contract.ToString(), AuthHarness.AdminLoginPin, AuthHarness.Browser);
        Assert.Equal(MessageCode.OneTimePasswordIncorrect, (await enrollment.CompleteAdminAsync(step.Value.Handle, "000000", AuthHarness.Browser)).ErrorCode);
        var ticket = await enrollment.CompleteAdminAsync(step.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser);
        Assert.Equal(PrincipalId.Administrator(contract), (await enrollment.RedeemTicketAsync(ticket.Value.Handle)).Value);
    }

    [Fact]
    public async Task Credential_changes_need_the_current_value_and_notify()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync();
        var taro = await _h.RegisterUserAsync(contract);
        var (certificate, signedIn) = await _h.ActivateUserAsync(contract, taro);
        var changes = _h.Get<CredentialChanges>();
        var user = await _h.CallerAsync<SignedInUser>(signedIn, certificate);
        var admin = await _h.CallerAsync<SignedInAdministrator>(await _h.SignInAdminAsync(adminCertificate), adminCertificate);

        Assert.Equal(MessageCode.CurrentPinIncorrect, (await changes.ChangeUserLoginPinAsync(user, "wrong999", "taro0003")).ErrorCode);
        var changed = await changes.ChangeUserLoginPinAsync(user, AuthHarness.UserLoginPin, "taro0003");
        Assert.True(changed.Succeeded);
        Assert.False(await _h.Get<SessionValidation>().ValidateAsync(signedIn, certificate) is not null, "the old session ends");
        Assert.True(await _h.Get<SessionValidation>().ValidateAsync(changed.Value, certificate) is not null, "the refreshed one goes on, bound to the same certificate");
        Assert.True((await _h.Get<UserSignIn>().SignInAsync(certificate, "taro0003", AuthHarness.Browser)).Succeeded);
        Assert.Equal(MessageCode.SessionEnded, (await changes.ChangeUserConfirmationPinAsync(user, AuthHarness.UserConfirmationPin, "taro0004")).ErrorCode);
        user = await _h.CallerAsync<SignedInUser>(changed.Value, certificate);
        var confirmationChanged = await changes.ChangeUserConfirmationPinAsync(user, AuthHarness.UserConfirmationPin, "taro0004");
        Assert.True(confirmationChanged.Succeeded);
        Assert.True((await changes.ChangeEmailAsync(await _h.CallerAsync<SignedInUser>(confirmationChanged.Value, certificate), "taro0004", "new@example.co.jp")).Succeeded);
        var adminChanged = await changes.ChangeAdminLoginPinAsync(admin, AuthHarness.AdminLoginPin, "syacho03");
        Assert.True(adminChanged.Succeeded);
        admin = await _h.CallerAsync<SignedInAdministrator>(adminChanged.Value, adminCertificate);
        var adminConfirmationChanged = await changes.ChangeAdminConfirmationPinAsync(admin, AuthHarness.AdminConfirmationPin, "syacho04");
        Assert.True(adminConfirmationChanged.Succeeded);
        admin = await _h.CallerAsync<SignedInAdministrator>(adminConfirmationChanged.Value, adminCertificate);
        Assert.Equal(MessageCode.ConfirmationPinIncorrect, (await changes.ChangeEmailAsync(admin, AuthHarness.AdminConfirmationPin, "boss@example.co.jp")).ErrorCode);
        Assert.True((await changes.ChangeEmailAsync(admin, "syacho04", "boss@example.co.jp")).Succeeded);

        var events = (await _h.OutboxAsync(contract)).Select(n => (n.Event, n.EmailAddress)).ToList();
        Assert.Contains((SecurityEvent.UserLoginPinChanged, "taro@example.co.jp"), events);
        Assert.Contains((SecurityEvent.UserConfirmationPinChanged, "taro@example.co.jp"), events);
        Assert.Contains((SecurityEvent.UserEmailChanged, "new@example.co.jp"), events);
        Assert.Contains((SecurityEvent.UserEmailChanged, "taro@example.co.jp"), events);
        Assert.Contains((SecurityEvent.AdminLoginPinChanged, AuthHarness.AdminEmail), events);
        Assert.Contains((SecurityEvent.AdminConfirmationPinChanged, AuthHarness.AdminEmail), events);
        Assert.Contains((SecurityEvent.AdminEmailChanged, "boss@example.co.jp"), events);
        Assert.Contains((SecurityEvent.AdminEmailChanged, AuthHarness.AdminEmail), events);
    }

    [Fact]
    public async Task Security_stamps_end_live_sessions_on_lock_accident_and_deletion()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(contract);
        var (userCertificate, userSession) = await _h.ActivateUserAsync(contract, taro);
        var adminSession = await _h.SignInAdminAsync(adminCertificate);
        var sessions = _h.Get<SessionValidation>();
        Assert.True(await sessions.ValidateAsync(userSession, userCertificate) is not null);
        Assert.True(await sessions.ValidateAsync(adminSession, adminCertificate) is not null);

        await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, taro);
        Assert.False(await sessions.ValidateAsync(userSession, userCertificate) is not null);
        Assert.True(await sessions.ValidateAsync(adminSession, adminCertificate) is not null);

        await _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, contract, null);
        Assert.False(await sessions.ValidateAsync(adminSession, adminCertificate) is not null);
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.AccidentRegistered);
        await _h.Get<BankOperations>().ClearAccidentAsync(_h.Operator, contract, null);
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.AccidentCleared);
        Assert.False(await sessions.ValidateAsync(adminSession, adminCertificate) is not null, "a cleared accident does not revive old sessions");
    }
}
