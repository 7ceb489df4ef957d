using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BizWeb.Notifications.Smtp.Tests;

/// <summary>
/// Issue 15, finding 7, through a real SMTP server (smtp4dev): a certificate issued by the bank's CA
/// reaches the administrator (利用者電子証明書発行, for every certificate of the contract) and the
/// user (for his own), with no secret in the mail.
/// </summary>
public sealed class CertificateIssuedMailTests(Smtp4devServer smtp) : IClassFixture<Smtp4devServer>
{
    [Fact]
    public async Task A_users_new_certificate_is_mailed_to_the_user_and_to_the_administrator()
    {
        using var keys = new CaKeys();
        using var h = AuthHarness.Create(services: s =>
        {
            s.AddSingleton<ICertificateAuthorityKeyProvider>(keys);
            s.AddBizWeb()
                .AddCertificateAuthority(o => o.CrlDistributionPoint = new Uri("http://crl.shinkin.example/bizweb.crl"))
                .AddSmtpNotifications(o =>
                {
                    o.Host = "127.0.0.1";
                    o.Port = smtp.SmtpPort;
                    o.Security = SmtpSecurity.None;
                    o.FromAddress = "noreply@bank.example.jp";
                });
        });
        var contract = await h.CreateContractAsync(contractId: "58880000001");
        await h.ActivateAdminAsync(contract);
        const string userEmail = "cert-user@example.co.jp";
        await h.RegisterUserAsync(contract, "taro", userEmail);
        await h.Get<NotificationDispatcher>().DispatchDueAsync();
        var before = (await smtp.MessagesAsync()).Select(m => m.Id).ToHashSet();

        var enrollment = h.Get<CertificateEnrollment>();
        var begun = await enrollment.BeginUserAsync(contract.ToString(), "taro", AuthHarness.TemporaryLoginPin, AuthHarness.Browser);
        var ticket = await enrollment.CompleteUserAsync(begun.Value.Handle, TestHardwareToken.Code, AuthHarness.Browser);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issued = await h.Get<CertificateAuthority>().IssueAsync(ticket.Value.Handle, new CertificateRequest("CN=taro", key, HashAlgorithmName.SHA256).CreateSigningRequest(), AuthHarness.Browser);
        Assert.True(issued.Succeeded, issued.ToString());
        Assert.Equal(2, await h.Get<NotificationDispatcher>().DispatchDueAsync());

        var title = NotificationTemplates.TitleJa(SecurityEvent.UserCertificateIssued);
        Assert.Equal("利用者電子証明書発行", title);
        var arrived = (await smtp.MessagesAsync()).Where(m => !before.Contains(m.Id) && m.Subject.Contains($"【ビジネスWeb】{title}のお知らせ", StringComparison.Ordinal)).ToList();
        var mails = (await Task.WhenAll(arrived.Select(m => LoadAsync(m.Id)))).Where(m => (m.TextBody ?? string.Empty).Contains(contract.ToString(), StringComparison.Ordinal)).ToList();
        var toUser = Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == userEmail));
        var toAdmin = Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == AuthHarness.AdminEmail));
        Assert.Contains("利用者ＩＤ: taro", toUser.TextBody, StringComparison.Ordinal);
        Assert.Contains("Event: User certificate issued", toAdmin.TextBody, StringComparison.Ordinal);
        foreach (var mail in mails)
        {
            Assert.Contains($"お手続き: {title}", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(AuthHarness.TemporaryLoginPin, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(TestHardwareToken.Code, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(ticket.Value.Handle, mail.TextBody, StringComparison.Ordinal);
        }
    }

    private async Task<MimeMessage> LoadAsync(string id)
    {
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await smtp.RawAsync(id)));
        return await MimeMessage.LoadAsync(raw);
    }

    /// <summary>A P-256 CA made for the test: a self-signed CA certificate and its key, as a key provider.</summary>
    private sealed class CaKeys : ICertificateAuthorityKeyProvider, ICertificateAuthoritySigner, IDisposable
    {
        private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public CaKeys()
        {
            var request = new CertificateRequest("CN=しんきん電子証明書認証局, O=Shinkin Test Bank, C=JP", _key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using var withKey = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
            Certificate = X509CertificateLoader.LoadCertificate(withKey.RawData);
        }

        public X509Certificate2 Certificate { get; }

        public ValueTask<ICertificateAuthoritySigner> GetSignerAsync(CancellationToken cancellationToken) => ValueTask.FromResult<ICertificateAuthoritySigner>(this);

        public byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => _key.SignData(data, hashAlgorithm, DSASignatureFormat.Rfc3279DerSequence);

        public void Dispose()
        {
            Certificate.Dispose();
            _key.Dispose();
        }
    }
}
