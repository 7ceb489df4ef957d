using BizWeb.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Certificates.Tests;

/// <summary>
/// Issue 15, finding 1: a request costs the server at most one RSA-4096 signature check. The ticket
/// is looked up before the request is read, and an RSA key of a length other than 2048, 3072 or
/// 4096 bits is refused from the length of its modulus before any key object is built.
/// </summary>
public sealed class RequestGateTests : IDisposable
{
    private readonly TestAuthority _ca = new();

    public void Dispose() => _ca.Dispose();

    [Fact]
    public async Task A_16384_bit_garbage_request_is_refused_by_its_key_length_and_leaves_the_ticket_usable()
    {
        var ticket = _ca.TicketFor(TestAuthority.User);

        var refused = await _ca.Ca.IssueAsync(ticket, GarbageRequests.Rsa(16_384), AuditActor.Anonymous("203.0.113.5"));

        Assert.Equal(MessageCode.CertificateRequestRsaKeySizeNotAllowed, refused.ErrorCode);
        var entry = (await _ca.AuditAsync())[^1];
        Assert.Equal(("CertificateRequestRefused", AuditOutcome.Failed, "CertificateRequestRsaKeySizeNotAllowed"), (entry.Action, entry.Outcome, entry.Detail));
        Assert.True((await _ca.Ca.IssueAsync(ticket, TestKeys.NewP256Request(), AuditActor.Anonymous())).Succeeded);
    }

    [Theory]
    [InlineData("AAAA")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_ticket_is_refused_before_the_request_is_read(string? ticket)
    {
        var refused = await _ca.Ca.IssueAsync(ticket, GarbageRequests.Rsa(16_384), AuditActor.Anonymous("203.0.113.5"));

        Assert.Equal(MessageCode.EnrollmentTicketInvalid, refused.ErrorCode);
        Assert.DoesNotContain(await _ca.AuditAsync(), e => e.Action == "CertificateRequestRefused");
    }

    [Fact]
    public async Task A_used_ticket_is_refused_before_the_request_is_read()
    {
        var ticket = _ca.TicketFor(TestAuthority.User);
        Assert.True((await _ca.Ca.IssueAsync(ticket, TestKeys.NewP256Request(), AuditActor.Anonymous())).Succeeded);

        var refused = await _ca.Ca.IssueAsync(ticket, GarbageRequests.Rsa(16_384), AuditActor.Anonymous());

        Assert.Equal(MessageCode.EnrollmentTicketInvalid, refused.ErrorCode);
    }

    [Fact]
    public async Task A_renewal_checks_the_current_certificate_before_the_request_and_refuses_a_16384_bit_key_by_its_length()
    {
        var old = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        var current = await _ca.IssueAsync(TestAuthority.User, TestKeys.NewP256Request());
        using var superseded = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(old.RawData);
        using var live = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(current.RawData);
        _ca.Time.SetUtcNow(current.NotAfter - TimeSpan.FromDays(5));

        Assert.Equal(MessageCode.CertificateNotAccepted, (await _ca.Ca.RenewAsync(superseded, GarbageRequests.Rsa(16_384), AuditActor.Principal(TestAuthority.User))).ErrorCode);
        Assert.DoesNotContain(await _ca.AuditAsync(), e => e.Action == "CertificateRequestRefused");
        Assert.Equal(MessageCode.CertificateRequestRsaKeySizeNotAllowed, (await _ca.Ca.RenewAsync(live, GarbageRequests.Rsa(16_384), AuditActor.Principal(TestAuthority.User))).ErrorCode);
    }

    [Theory]
    [InlineData(1024, MessageCode.CertificateRequestRsaKeyTooShort)]
    [InlineData(2047, MessageCode.CertificateRequestRsaKeyTooShort)]
    [InlineData(2049, MessageCode.CertificateRequestRsaKeySizeNotAllowed)]
    [InlineData(4095, MessageCode.CertificateRequestRsaKeySizeNotAllowed)]
    [InlineData(4097, MessageCode.CertificateRequestRsaKeySizeNotAllowed)]
    [InlineData(8192, MessageCode.CertificateRequestRsaKeySizeNotAllowed)]
    [InlineData(16_384, MessageCode.CertificateRequestRsaKeySizeNotAllowed)]
    public void RSA_keys_are_accepted_only_at_2048_3072_and_4096_bits(int bits, MessageCode expected) =>
        Assert.Equal(expected, CertificateRequestPolicy.Judge(GarbageRequests.Rsa(bits)).Refusal);

    [Property(MaxTest = 100)]
    public Property The_RSA_key_length_is_judged_before_the_signature() =>
        Prop.ForAll(Arb.From(Gen.Choose(16, 20_000)), bits =>
        {
            var expected = bits switch
            {
                < 2048 => MessageCode.CertificateRequestRsaKeyTooShort,
                2048 or 3072 or 4096 => MessageCode.CertificateRequestSignatureInvalid, // the size passes; the garbage signature does not
                _ => MessageCode.CertificateRequestRsaKeySizeNotAllowed,
            };
            var request = GarbageRequests.Rsa(bits);
            return request.Length > CertificateRequestPolicy.MaxDerLength
                ? CertificateRequestPolicy.Judge(request).Refusal == MessageCode.CertificateRequestMalformed
                : CertificateRequestPolicy.Judge(request).Refusal == expected;
        });

    [Fact]
    public void A_request_longer_than_8_KiB_is_not_read()
    {
        var request = TestKeys.Request(TestKeys.P256, "CN=" + new string('a', 9000));

        Assert.True(request.Length > CertificateRequestPolicy.MaxDerLength);
        Assert.Equal(MessageCode.CertificateRequestMalformed, CertificateRequestPolicy.Judge(request).Refusal);
    }
}
