using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Certificates.Tests;

/// <summary>
/// Through the real auth flows: bank creates the contract, the administrator activates, obtains the
/// enrollment ticket with login PIN ③ + card (管理者2-1 … 2-4), the CA issues against it, and the
/// administrator signs in with the certificate (管理者3-2); a reissue locks the old one out.
/// </summary>
public sealed class AuthFlowIntegrationTests
{
    private sealed class AnyCard : ICustomerCardVerifier
    {
        public ValueTask<SecondFactorChallenge?> GetChallengeAsync(SecondFactorContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<SecondFactorChallenge?>(new SecondFactorChallenge(["ア", "カ"], context.Now.AddMinutes(5)));

        public ValueTask<SecondFactorVerification> VerifyAsync(SecondFactorContext context, string answer, CancellationToken cancellationToken) =>
            ValueTask.FromResult(answer == "1265" ? SecondFactorVerification.Verified : SecondFactorVerification.Rejected);
    }

    [Fact]
    public async Task Administrator_enrolls_through_the_auth_flows_and_signs_in_with_the_certificate()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICertificateAuthorityKeyProvider>(TestKeyProvider.Default);
        services.AddSingleton<ICustomerCardVerifier, AnyCard>();
        services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id())
            .AddCertificateAuthority(o => o.CrlDistributionPoint = new Uri("http://crl.shinkin.example/bizweb.crl"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var actor = AuditActor.Anonymous("198.51.100.7");

        Assert.True((await sp.GetRequiredService<BankOperations>().CreateContractAsync(TestAuthority.Operator, "12345678901", "1234", LockoutMode.Linked)).Succeeded);
        var activation = sp.GetRequiredService<AdminActivation>();
        var begun = await activation.BeginAsync("12345678901", "1234", actor);
        Assert.True(begun.Succeeded, begun.ToString());
        var step = await activation.SetCredentialsAsync(begun.Value.Handle, "1234", "abc123", "xyz789", "admin@example.jp", actor);
        Assert.True(step.Succeeded, step.ToString());
        Assert.True((await activation.CompleteAsync(step.Value.Handle, "1265", actor)).Succeeded);

        var enrollment = sp.GetRequiredService<CertificateEnrollment>();
        var card = await enrollment.BeginAdminAsync("12345678901", "abc123", actor);
        Assert.True(card.Succeeded, card.ToString());
        var ticket = await enrollment.CompleteAdminAsync(card.Value.Handle, "1265", actor);
        Assert.True(ticket.Succeeded, ticket.ToString());

        var ca = sp.GetRequiredService<CertificateAuthority>();
        // Issue 15: an unknown ticket is refused before the request is read; a refused request leaves the ticket usable.
        Assert.Equal(MessageCode.EnrollmentTicketInvalid, (await ca.IssueAsync("AAAA", GarbageRequests.Rsa(16_384), actor)).ErrorCode);
        Assert.Equal(MessageCode.CertificateRequestRsaKeySizeNotAllowed, (await ca.IssueAsync(ticket.Value.Handle, GarbageRequests.Rsa(16_384), actor)).ErrorCode);
        var issued = await ca.IssueAsync(ticket.Value.Handle, TestKeys.NewP256Request(), actor);
        Assert.True(issued.Succeeded, issued.ToString());
        Assert.Equal(MessageCode.EnrollmentTicketInvalid, (await ca.IssueAsync(ticket.Value.Handle, TestKeys.NewP256Request(), actor)).ErrorCode);

        using var certificate = X509CertificateLoader.LoadCertificate(issued.Value.RawData);
        Assert.Equal("123456789011286", certificate.GetNameInfo(X509NameType.SimpleName, false));
        var signIn = sp.GetRequiredService<AdminSignIn>();
        Assert.True((await signIn.VerifyPinAsync(certificate, "abc123", actor)).Succeeded);

        // Reissue (管理者2-1 again): the first certificate no longer signs in.
        var card2 = await enrollment.BeginAdminAsync("12345678901", "abc123", actor);
        var ticket2 = await enrollment.CompleteAdminAsync(card2.Value.Handle, "1265", actor);
        var reissued = await ca.IssueAsync(ticket2.Value.Handle, TestKeys.NewP256Request(), actor);
        Assert.True(reissued.Succeeded, reissued.ToString());
        Assert.Equal(MessageCode.CertificateNotAccepted, (await signIn.VerifyPinAsync(certificate, "abc123", actor)).ErrorCode);
        using var newCertificate = X509CertificateLoader.LoadCertificate(reissued.Value.RawData);
        Assert.True((await signIn.VerifyPinAsync(newCertificate, "abc123", actor)).Succeeded);
    }

    [Fact]
    public async Task Sessions_are_bound_to_their_certificate_and_end_when_it_is_revoked_or_superseded()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICertificateAuthorityKeyProvider>(TestKeyProvider.Default);
        services.AddSingleton<ICustomerCardVerifier, AnyCard>();
        services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id())
            .AddCertificateAuthority(o => o.CrlDistributionPoint = new Uri("http://crl.shinkin.example/bizweb.crl"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var actor = AuditActor.Anonymous("198.51.100.7");
        Assert.True((await sp.GetRequiredService<BankOperations>().CreateContractAsync(TestAuthority.Operator, "12345678901", "1234", LockoutMode.Linked)).Succeeded);
        var activation = sp.GetRequiredService<AdminActivation>();
        var begun = await activation.BeginAsync("12345678901", "1234", actor);
        var step = await activation.SetCredentialsAsync(begun.Value.Handle, "1234", "abc123", "xyz789", "admin@example.jp", actor);
        Assert.True((await activation.CompleteAsync(step.Value.Handle, "1265", actor)).Succeeded);
        var enrollment = sp.GetRequiredService<CertificateEnrollment>();
        var ca = sp.GetRequiredService<CertificateAuthority>();
        async Task<X509Certificate2> EnrollAsync()
        {
            var card = await enrollment.BeginAdminAsync("12345678901", "abc123", actor);
            var ticket = await enrollment.CompleteAdminAsync(card.Value.Handle, "1265", actor);
            var issued = await ca.IssueAsync(ticket.Value.Handle, TestKeys.NewP256Request(), actor);
            Assert.True(issued.Succeeded, issued.ToString());
            return X509CertificateLoader.LoadCertificate(issued.Value.RawData);
        }

        var signIn = sp.GetRequiredService<AdminSignIn>();
        async Task<SignedInPrincipal> SignInAsync(X509Certificate2 certificate)
        {
            var pin = await signIn.VerifyPinAsync(certificate, "abc123", actor);
            var signedIn = await signIn.VerifyCardAsync(pin.Value.Handle, "1265", actor);
            Assert.True(signedIn.Succeeded, signedIn.ToString());
            return signedIn.Value;
        }

        var sessions = sp.GetRequiredService<SessionValidation>();
        using var first = await EnrollAsync();
        var session = await SignInAsync(first);
        Assert.Equal(first.SerialNumber, session.CertificateSerialNumber);
        Assert.True(await sessions.ValidateAsync(session, first) is not null);
        Assert.False(await sessions.ValidateAsync(session, null) is not null, "a request without a client certificate");
        using var foreign = X509CertificateLoader.LoadCertificate(TestKeyProvider.Default.Certificate.RawData);
        Assert.False(await sessions.ValidateAsync(session, foreign) is not null, "a request with another certificate");

        // Superseded: a new certificate for the administrator ends the sessions of the old one, and a
        // caller validated before the supersession is refused by the verbs (before its ④ is evaluated).
        var caller = (SignedInAdministrator)(await sessions.ValidateAsync(session, first))!;
        using var second = await EnrollAsync();
        Assert.False(await sessions.ValidateAsync(session, first) is not null, "the superseded certificate's session");
        Assert.Equal(MessageCode.SessionEnded, (await sp.GetRequiredService<AdminAuthorization>().VerifyConfirmationPinAsync(caller, "xyz789")).ErrorCode);
        var secondSession = await SignInAsync(second);
        Assert.True(await sessions.ValidateAsync(secondSession, second) is not null);
        Assert.False(await sessions.ValidateAsync(secondSession, first) is not null, "the session is bound to the certificate it signed in with");

        // Revoked by the bank (KeyCompromise): the live session ends at once, not at the next sign-in.
        var secondCaller = (SignedInAdministrator)(await sessions.ValidateAsync(secondSession, second))!;
        Assert.True((await sp.GetRequiredService<AdminAuthorization>().VerifyConfirmationPinAsync(secondCaller, "xyz789")).Succeeded);
        Assert.True((await ca.RevokeAsync(second.SerialNumber, CertificateRevocationReason.KeyCompromise, TestAuthority.Operator)).Succeeded);
        Assert.Equal(MessageCode.SessionEnded, (await sp.GetRequiredService<AdminAuthorization>().VerifyConfirmationPinAsync(secondCaller, "xyz789")).ErrorCode);
        Assert.False(await sessions.ValidateAsync(secondSession, second) is not null, "the revoked certificate's session");
    }
}
