using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Lockout;

/// <summary>SPEC.md §5, rule by rule.</summary>
public sealed class LockoutTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    private async Task<AuthResult> WrongAdminPinAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string pin = "wrong999") =>
        await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, pin, AuthHarness.Browser);

    [Fact]
    public async Task Seven_consecutive_wrong_admin_login_PINs_stop_the_whole_contract_with_the_manuals_message()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        for (var i = 1; i <= 6; i++)
        {
            var failed = await WrongAdminPinAsync(certificate);
            Assert.Equal(MessageCode.AdminSignInFailed, failed.ErrorCode);
            Assert.Equal("ご契約先ＩＤ、ご契約先暗証番号の入力に誤りがあるため、ご契約先の認証ができません。ご確認のうえ、ブラウザの戻るボタンで入力画面に戻り、再度入力願います。", failed.Errors[0].Ja);
        }

        var seventh = await WrongAdminPinAsync(certificate);

        Assert.Equal(MessageCode.AdminLocked, seventh.ErrorCode);
        Assert.Equal("誤ったご契約先暗証番号を繰り返し入力されたため、サービスをご利用できなくなりました。お問合せ窓口までご連絡ください。", seventh.Errors[0].Ja);
        Assert.Equal(ContractState.Stopped, (await _h.Store.FindAsync(contract, default))!.State);
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.AdminPinLocked && n.EmailAddress == AuthHarness.AdminEmail);
    }

    [Fact]
    public async Task A_locked_credential_is_refused_without_evaluating_the_guess_even_when_it_is_right()
    {
        var (_, certificate) = await _h.ActiveContractAsync();
        for (var i = 0; i < 7; i++)
        {
            await WrongAdminPinAsync(certificate);
        }

        _h.Hasher.Reset();
        var right = await WrongAdminPinAsync(certificate, AuthHarness.AdminLoginPin);

        Assert.Equal(MessageCode.AdminLocked, right.ErrorCode);
        Assert.Equal(0, _h.Hasher.Verifications);
    }

    [Fact]
    public async Task A_success_resets_the_consecutive_count()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        for (var i = 0; i < 6; i++)
        {
            await WrongAdminPinAsync(certificate);
        }

        await _h.SignInAdminAsync(certificate);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(MessageCode.AdminSignInFailed, (await WrongAdminPinAsync(certificate)).ErrorCode);
        }

        Assert.Equal(ContractState.Active, (await _h.Store.FindAsync(contract, default))!.State);
    }

    [Fact]
    public async Task The_limit_is_configurable()
    {
        using var h = AuthHarness.Create(o => o.Lockout.MaxConsecutiveFailures = 3);
        var (contract, certificate) = await h.ActiveContractAsync();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(MessageCode.AdminSignInFailed, (await h.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser)).ErrorCode);
        }

        Assert.Equal(MessageCode.AdminLocked, (await h.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser)).ErrorCode);
        Assert.Equal(ContractState.Stopped, (await h.Store.FindAsync(contract, default))!.State);
    }

    [Fact]
    public async Task Seven_wrong_registration_PINs_stop_the_contract_before_activation()
    {
        var contract = await _h.CreateContractAsync();
        for (var i = 0; i < 7; i++)
        {
            await _h.Get<AdminActivation>().BeginAsync(contract.ToString(), "9999", AuthHarness.Browser);
        }

        Assert.Equal(ContractState.Stopped, (await _h.Store.FindAsync(contract, default))!.State);
        var right = await _h.Get<AdminActivation>().BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        Assert.Equal(MessageCode.AdminLocked, right.ErrorCode);
    }

    [Fact]
    public async Task Seven_wrong_customer_card_answers_stop_the_contract()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        var signIn = _h.Get<AdminSignIn>();
        var step = await signIn.VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser);
        AuthResult last = AuthResult.Success;
        for (var i = 0; i < 7; i++)
        {
            last = await signIn.VerifyCardAsync(step.Value.Handle, "000000", AuthHarness.Browser);
        }

        Assert.Equal(MessageCode.AdminLocked, last.ErrorCode);
        Assert.Equal(ContractState.Stopped, (await _h.Store.FindAsync(contract, default))!.State);
    }

    [Fact]
    public async Task A_malformed_card_answer_is_an_input_error_and_not_counted()
    {
        var (_, certificate) = await _h.ActiveContractAsync();
        var signIn = _h.Get<AdminSignIn>();
        var step = await signIn.VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(MessageCode.OneTimePasswordMalformed, (await signIn.VerifyCardAsync(step.Value.Handle, "１２３４９２", AuthHarness.Browser)).ErrorCode);
        }

        Assert.True((await signIn.VerifyCardAsync(step.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task Seven_wrong_admin_confirmation_PINs_stop_the_contract()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var admin = await _h.AdminAsync(contract);
        AuthResult last = AuthResult.Success;
        for (var i = 0; i < 7; i++)
        {
            last = await _h.Get<AdminAuthorization>().VerifyConfirmationPinAsync(admin, "wrong999");
        }

        Assert.Equal(MessageCode.AdminLocked, last.ErrorCode);
        Assert.Equal(ContractState.Stopped, (await _h.Store.FindAsync(contract, default))!.State);
    }

    [Fact]
    public async Task Linked_mode_a_locked_user_stops_the_whole_contract_and_recovery_is_bank_unlock_then_admin_activation_then_release()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync(LockoutMode.Linked);
        var taro = await _h.RegisterUserAsync(contract, "taro");
        var hanako = await _h.RegisterUserAsync(contract, "hanako");
        var (taroCertificate, _) = await _h.ActivateUserAsync(contract, taro);
        var (hanakoCertificate, _) = await _h.ActivateUserAsync(contract, hanako);
        var signIn = _h.Get<UserSignIn>();

        AuthResult last = AuthResult.Success;
        for (var i = 0; i < 7; i++)
        {
            last = await signIn.SignInAsync(taroCertificate, "wrong999", AuthHarness.Browser);
        }

        Assert.Equal(MessageCode.UserLocked, last.ErrorCode);
        Assert.Equal("誤った利用者暗証番号を繰り返し入力されたため、サービスをご利用できなくなりました。管理者の方にお問合せください。", last.Errors[0].Ja);
        Assert.Equal(ContractState.Stopped, (await _h.Store.FindAsync(contract, default))!.State);
        Assert.Equal(UserState.Suspended, (await _h.Store.FindAsync(contract, taro, default))!.State);
        Assert.False((await signIn.SignInAsync(hanakoCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded);
        Assert.False((await _h.Get<AdminSignIn>().VerifyPinAsync(adminCertificate, AuthHarness.AdminLoginPin, AuthHarness.Browser)).Succeeded);
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.UserPinLocked && n.Recipient.UserId == taro);

        Assert.True((await _h.Get<BankOperations>().UnlockContractAsync(_h.Operator, contract)).Succeeded);
        Assert.Equal(ContractState.AwaitingReactivation, (await _h.Store.FindAsync(contract, default))!.State);
        await _h.ActivateAdminAsync(contract);
        await _h.SignInAdminAsync(adminCertificate);
        Assert.True((await signIn.SignInAsync(hanakoCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded, "other users need no new activation");
        Assert.Equal(MessageCode.UserLocked, (await signIn.SignInAsync(taroCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).ErrorCode);

        var admin = await _h.AdminAsync(contract);
        Assert.True((await _h.Get<UserAdministration>().ReleaseSuspensionAsync(admin, taro, AuthHarness.AdminConfirmationPin)).Succeeded);
        Assert.True((await signIn.SignInAsync(taroCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded);
        Assert.Contains(await _h.OutboxAsync(contract), n => n.Event == SecurityEvent.PinLockReleased);
    }

    [Fact]
    public async Task Unlinked_mode_a_locked_user_stops_only_that_user_and_the_admin_releases_it()
    {
        var (contract, adminCertificate) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(contract, "taro");
        var hanako = await _h.RegisterUserAsync(contract, "hanako");
        var (taroCertificate, _) = await _h.ActivateUserAsync(contract, taro);
        var (hanakoCertificate, _) = await _h.ActivateUserAsync(contract, hanako);
        var signIn = _h.Get<UserSignIn>();
        for (var i = 0; i < 7; i++)
        {
            await signIn.SignInAsync(taroCertificate, "wrong999", AuthHarness.Browser);
        }

        Assert.Equal(ContractState.Active, (await _h.Store.FindAsync(contract, default))!.State);
        Assert.Equal(UserState.Suspended, (await _h.Store.FindAsync(contract, taro, default))!.State);
        Assert.True((await signIn.SignInAsync(hanakoCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded);
        await _h.SignInAdminAsync(adminCertificate);
        Assert.Equal(MessageCode.UserLocked, (await signIn.SignInAsync(taroCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).ErrorCode);

        var admin = await _h.AdminAsync(contract);
        Assert.True((await _h.Get<UserAdministration>().ReleaseSuspensionAsync(admin, taro, AuthHarness.AdminConfirmationPin)).Succeeded);
        Assert.True((await signIn.SignInAsync(taroCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task The_bank_can_unlock_a_suspended_user_too()
    {
        var (contract, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(contract);
        var (certificate, _) = await _h.ActivateUserAsync(contract, taro);
        for (var i = 0; i < 7; i++)
        {
            await _h.Get<UserSignIn>().SignInAsync(certificate, "wrong999", AuthHarness.Browser);
        }

        Assert.True((await _h.Get<BankOperations>().UnlockUserAsync(_h.Operator, contract, taro)).Succeeded);
        Assert.True((await _h.Get<UserSignIn>().SignInAsync(certificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task Wrong_user_confirmation_PINs_and_token_codes_count_toward_the_users_lock()
    {
        var (contract, _) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        AuthResult last = AuthResult.Success;
        for (var i = 0; i < 7; i++)
        {
            last = await enrollment.CompleteUserAsync(begun.Value.Handle, "111111", AuthHarness.Browser);
        }

        Assert.Equal(MessageCode.UserLocked, last.ErrorCode);
        Assert.Equal(UserState.Suspended, (await _h.Store.FindAsync(contract, taro, default))!.State);
    }

    [Fact]
    public async Task Forgotten_admin_PIN_lock_it_then_bank_unlock_then_reactivate_with_the_registration_PIN()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        for (var i = 0; i < 7; i++)
        {
            await WrongAdminPinAsync(certificate);
        }

        Assert.True((await _h.Get<BankOperations>().UnlockContractAsync(_h.Operator, contract)).Succeeded);
        Assert.Equal(MessageCode.ContractNotActive, (await WrongAdminPinAsync(certificate, AuthHarness.AdminLoginPin)).ErrorCode);

        var activation = _h.Get<AdminActivation>();
        var begun = await activation.BeginAsync(contract.ToString(), AuthHarness.RegistrationPin, AuthHarness.Browser);
        var step = await activation.SetCredentialsAsync(begun.Value.Handle, AuthHarness.RegistrationPin, "newpin01", "newpin02", AuthHarness.AdminEmail, AuthHarness.Browser);
        Assert.True((await activation.CompleteAsync(step.Value.Handle, TestCustomerCard.Answer, AuthHarness.Browser)).Succeeded);

        var signIn = _h.Get<AdminSignIn>();
        Assert.Equal(MessageCode.AdminSignInFailed, (await signIn.VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser)).ErrorCode);
        Assert.True((await signIn.VerifyPinAsync(certificate, "newpin01", AuthHarness.Browser)).Succeeded);
    }

    [Fact]
    public async Task Unlocking_a_contract_that_is_not_stopped_is_an_illegal_transition()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        Assert.Equal(MessageCode.InvalidState, (await _h.Get<BankOperations>().UnlockContractAsync(_h.Operator, contract)).ErrorCode);
    }

    [Fact]
    public async Task Unknown_contract_ids_get_the_same_message_the_same_KDF_cost_and_lock_at_the_same_count()
    {
        await _h.ActiveContractAsync();
        var activation = _h.Get<AdminActivation>();
        _h.Hasher.Reset();
        var answers = new List<MessageCode?>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await activation.BeginAsync("99999999999", "1234", AuthHarness.Browser)).ErrorCode);
        }

        Assert.Equal(Enumerable.Repeat<MessageCode?>(MessageCode.AdminSignInFailed, 6), answers.Take(6));
        Assert.Equal([MessageCode.AdminLocked, MessageCode.AdminLocked], answers.Skip(6));
        Assert.Equal(7, _h.Hasher.Verifications);

        // The counter for an unknown id is forgotten after the window.
        _h.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(MessageCode.AdminSignInFailed, (await activation.BeginAsync("99999999999", "1234", AuthHarness.Browser)).ErrorCode);
    }

    [Fact]
    public async Task Unknown_user_ids_answer_exactly_like_a_wrong_PIN()
    {
        var (contract, _) = await _h.ActiveContractAsync();
        await _h.RegisterUserAsync(contract);
        var enrollment = _h.Get<CertificateEnrollment>();
        var unknown = await enrollment.BeginUserAsync(contract.ToString(), "nobody", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var wrong = await enrollment.BeginUserAsync(contract.ToString(), "taro", "wrong999", AuthHarness.Browser);

        Assert.Equal(MessageCode.UserSignInFailed, unknown.ErrorCode);
        Assert.Equal(wrong.ErrorCode, unknown.ErrorCode);
        Assert.Equal(wrong.Errors[0].Ja, unknown.Errors[0].Ja);
    }

    [Fact]
    public async Task Sixty_four_parallel_wrong_guesses_evaluate_exactly_seven()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        _h.Hasher.Reset();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => WrongAdminPinAsync(certificate))));

        Assert.Equal(7, _h.Hasher.Verifications);
        Assert.Equal(6, results.Count(r => r.ErrorCode == MessageCode.AdminSignInFailed));
        // The 7th answers "locked" (it locked); the others were refused unevaluated: "locked" once the lock
        // was in place, "busy" while the last attempts were still being evaluated, or "service busy" when
        // KDF admission control had no place for them (nothing reserved).
        Assert.InRange(results.Count(r => r.ErrorCode == MessageCode.AdminLocked), 1, 58);
        Assert.Equal(58, results.Count(r => r.ErrorCode is MessageCode.AdminLocked or MessageCode.CredentialBusy or MessageCode.ServiceBusy));
        Assert.Equal(ContractState.Stopped, (await _h.Store.FindAsync(contract, default))!.State);
    }

    [Fact]
    public async Task A_right_guess_racing_the_seventh_wrong_one_never_lets_an_eighth_be_evaluated()
    {
        for (var round = 0; round < 10; round++)
        {
            using var h = AuthHarness.Create();
            var (contract, certificate) = await h.ActiveContractAsync();
            var signIn = h.Get<AdminSignIn>();
            for (var i = 0; i < 6; i++)
            {
                await signIn.VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser);
            }

            h.Hasher.Reset();
            var right = Task.Run(() => signIn.VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser).AsTask());
            var wrong = Task.Run(() => signIn.VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser).AsTask());
            var (rightResult, wrongResult) = (await right, await wrong);

            var state = (await h.Store.FindAsync(contract, default))!.State;
            if (rightResult.Succeeded)
            {
                // Either the right guess took the 7th slot and the wrong one was refused unevaluated (busy:
                // nothing was locked), or the right one finished (and reset the count) before the wrong one
                // was counted as the 1st.
                Assert.Equal(ContractState.Active, state);
                Assert.True(
                    (h.Hasher.Verifications == 1 && wrongResult.ErrorCode == MessageCode.CredentialBusy)
                    || (h.Hasher.Verifications == 2 && wrongResult.ErrorCode == MessageCode.AdminSignInFailed),
                    $"{h.Hasher.Verifications} evaluations, wrong guess answered {wrongResult.ErrorCode}");
            }
            else
            {
                // The wrong guess took the 7th slot: the right one was never evaluated, and answered
                // "busy" if it was refused before the lock was in place, "locked" after.
                Assert.Equal(1, h.Hasher.Verifications);
                Assert.Equal(MessageCode.AdminLocked, wrongResult.ErrorCode);
                Assert.Contains(rightResult.ErrorCode, new MessageCode?[] { MessageCode.AdminLocked, MessageCode.CredentialBusy });
                Assert.Equal(ContractState.Stopped, state);
            }
        }
    }

    [Fact]
    public async Task A_counter_left_at_the_limit_by_a_failed_lock_commit_fails_closed_and_an_unlock_or_release_clears_it()
    {
        var (contract, certificate) = await _h.ActiveContractAsync(LockoutMode.Unlinked);
        var taro = await _h.RegisterUserAsync(contract);
        var (userCertificate, _) = await _h.ActivateUserAsync(contract, taro);
        // What a database error on the seventh failure's lock commit leaves behind: counters at the limit, nothing locked.
        for (var i = 0; i < 7; i++)
        {
            await _h.Store.TryReserveAttemptAsync($"{contract}#{(int)Credential.AdminLoginPin}", 7, _h.Time.GetUtcNow(), null, default);
            await _h.Store.TryReserveAttemptAsync($"{contract}/taro#{(int)Credential.UserLoginPin}", 7, _h.Time.GetUtcNow(), null, default);
        }

        // Fails closed (nothing evaluated); nothing is locked, so the answer is "busy", never a lock message.
        Assert.Equal(MessageCode.CredentialBusy, (await WrongAdminPinAsync(certificate, AuthHarness.AdminLoginPin)).ErrorCode);
        Assert.Equal(MessageCode.CredentialBusy, (await _h.Get<UserSignIn>().SignInAsync(userCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).ErrorCode);
        Assert.Equal(ContractState.Active, (await _h.Store.FindAsync(contract, default))!.State);

        Assert.True((await _h.Get<BankOperations>().UnlockContractAsync(_h.Operator, contract)).Succeeded);
        Assert.True((await _h.Get<BankOperations>().UnlockUserAsync(_h.Operator, contract, taro)).Succeeded);

        Assert.Equal(ContractState.Active, (await _h.Store.FindAsync(contract, default))!.State);
        await _h.SignInAdminAsync(certificate);
        Assert.True((await _h.Get<UserSignIn>().SignInAsync(userCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser)).Succeeded);
        Assert.Contains(await _h.AuditAsync(), a => a.Action == "FailuresReset" && a.Actor.Kind == AuditActorKind.BankOperator);
    }
}
