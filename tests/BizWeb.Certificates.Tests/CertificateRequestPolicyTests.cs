using System.Security.Cryptography;
using System.Text;
using BizWeb.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Certificates.Tests;

public sealed class CertificateRequestPolicyTests
{
    private static readonly byte[] Valid = TestKeys.Request(TestKeys.P256);

    [Fact]
    public void Accepts_DER_and_PEM()
    {
        Assert.True(CertificateRequestPolicy.Judge(Valid).Accepted);
        var pem = Encoding.ASCII.GetBytes(new string(PemEncoding.Write("CERTIFICATE REQUEST", Valid)));
        Assert.True(CertificateRequestPolicy.Judge(pem).Accepted);
        var legacy = Encoding.ASCII.GetBytes(new string(PemEncoding.Write("NEW CERTIFICATE REQUEST", Valid)));
        Assert.True(CertificateRequestPolicy.Judge(legacy).Accepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n")]
    public void Refuses_what_is_not_a_request(string text) =>
        Assert.Equal(MessageCode.CertificateRequestMalformed, CertificateRequestPolicy.Judge(Encoding.UTF8.GetBytes(text)).Refusal);

    [Fact]
    public void Refuses_trailing_bytes() =>
        Assert.Equal(MessageCode.CertificateRequestMalformed, CertificateRequestPolicy.Judge([.. Valid, 0x00]).Refusal);

    [Property(MaxTest = 300)]
    public Property Never_throws_on_any_bytes_and_accepts_none() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<byte[]>()), bytes => !CertificateRequestPolicy.Judge(bytes).Accepted);

    [Property(MaxTest = 300)]
    public Property Any_single_byte_change_of_a_valid_request_is_refused_or_still_the_same_key() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, Valid.Length - 1)), Arb.From(Gen.Choose(1, 255)), (index, flip) =>
        {
            var mutated = (byte[])Valid.Clone();
            mutated[index] ^= (byte)flip;
            var judgement = CertificateRequestPolicy.Judge(mutated);
            return !judgement.Accepted
                || judgement.PublicKey!.GetDerEncoded().AsSpan().SequenceEqual(CertificateRequestPolicy.Judge(Valid).PublicKey!.GetDerEncoded());
        });
}
