namespace BizWeb.Tokens.Tests;

/// <summary>RFC 6287 Appendix C test vectors, typed from the RFC (PIN "1234", T = 0x132d0b6 minutes).</summary>
public sealed class OcraTests
{
    private static readonly byte[] PinHash = Convert.FromHexString("7110eda4d09e062aa5e4a390b0a572ac0d2c0220");
    private const long Minutes = 0x132d0b6;

    [Theory]
    [InlineData("00000000", "237653")]
    [InlineData("11111111", "243178")]
    [InlineData("22222222", "653583")]
    [InlineData("33333333", "740991")]
    [InlineData("44444444", "608993")]
    [InlineData("55555555", "388898")]
    [InlineData("66666666", "816933")]
    [InlineData("77777777", "224598")]
    [InlineData("88888888", "750600")]
    [InlineData("99999999", "294470")]
    public void One_way_SHA1_6_QN08(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA1-6:QN08", Rfc.Key20, question));

    [Theory]
    [InlineData(0, "65347737")]
    [InlineData(1, "86775851")]
    [InlineData(2, "78192410")]
    [InlineData(3, "71565254")]
    [InlineData(4, "10104329")]
    [InlineData(5, "65983500")]
    [InlineData(6, "70069104")]
    [InlineData(7, "91771096")]
    [InlineData(8, "75011558")]
    [InlineData(9, "08522129")]
    public void One_way_SHA256_8_C_QN08_PSHA1(long counter, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1", Rfc.Key32, "12345678", counter, PinHash));

    [Theory]
    [InlineData("00000000", "83238735")]
    [InlineData("11111111", "01501458")]
    [InlineData("22222222", "17957585")]
    [InlineData("33333333", "86776967")]
    [InlineData("44444444", "86807031")]
    public void One_way_SHA256_8_QN08_PSHA1(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA256-8:QN08-PSHA1", Rfc.Key32, question, pinHash: PinHash));

    [Theory]
    [InlineData(0, "00000000", "07016083")]
    [InlineData(1, "11111111", "63947962")]
    [InlineData(2, "22222222", "70123924")]
    [InlineData(3, "33333333", "25341727")]
    [InlineData(4, "44444444", "33203315")]
    [InlineData(5, "55555555", "34205738")]
    [InlineData(6, "66666666", "44343969")]
    [InlineData(7, "77777777", "51946085")]
    [InlineData(8, "88888888", "20403879")]
    [InlineData(9, "99999999", "31409299")]
    public void One_way_SHA512_8_C_QN08(long counter, string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA512-8:C-QN08", Rfc.Key64, question, counter));

    [Theory]
    [InlineData("00000000", "95209754")]
    [InlineData("11111111", "55907591")]
    [InlineData("22222222", "22048402")]
    [InlineData("33333333", "24218844")]
    [InlineData("44444444", "36209546")]
    public void One_way_SHA512_8_QN08_T1M(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA512-8:QN08-T1M", Rfc.Key64, question, timeSteps: Minutes));

    [Theory]
    [InlineData("CLI22220SRV11110", "28247970")]
    [InlineData("CLI22221SRV11111", "01984843")]
    [InlineData("CLI22222SRV11112", "65387857")]
    [InlineData("CLI22223SRV11113", "03351211")]
    [InlineData("CLI22224SRV11114", "83412541")]
    public void Mutual_server_SHA256_8_QA08(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA256-8:QA08", Rfc.Key32, question));

    [Theory]
    [InlineData("SRV11110CLI22220", "15510767")]
    [InlineData("SRV11111CLI22221", "90175646")]
    [InlineData("SRV11112CLI22222", "33777207")]
    [InlineData("SRV11113CLI22223", "95285278")]
    [InlineData("SRV11114CLI22224", "28934924")]
    public void Mutual_client_SHA256_8_QA08(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA256-8:QA08", Rfc.Key32, question));

    [Theory]
    [InlineData("CLI22220SRV11110", "79496648")]
    [InlineData("CLI22221SRV11111", "76831980")]
    [InlineData("CLI22222SRV11112", "12250499")]
    [InlineData("CLI22223SRV11113", "90856481")]
    [InlineData("CLI22224SRV11114", "12761449")]
    public void Mutual_server_SHA512_8_QA08(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA512-8:QA08", Rfc.Key64, question));

    [Theory]
    [InlineData("SRV11110CLI22220", "18806276")]
    [InlineData("SRV11111CLI22221", "70020315")]
    [InlineData("SRV11112CLI22222", "01600026")]
    [InlineData("SRV11113CLI22223", "18951020")]
    [InlineData("SRV11114CLI22224", "32528969")]
    public void Mutual_client_SHA512_8_QA08_PSHA1(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA512-8:QA08-PSHA1", Rfc.Key64, question, pinHash: PinHash));

    [Theory]
    [InlineData("SIG10000", "53095496")]
    [InlineData("SIG11000", "04110475")]
    [InlineData("SIG12000", "31331128")]
    [InlineData("SIG13000", "76028668")]
    [InlineData("SIG14000", "46554205")]
    public void Signature_SHA256_8_QA08(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA256-8:QA08", Rfc.Key32, question));

    [Theory]
    [InlineData("SIG1000000", "77537423")]
    [InlineData("SIG1100000", "31970405")]
    [InlineData("SIG1200000", "10235557")]
    [InlineData("SIG1300000", "95213541")]
    [InlineData("SIG1400000", "65360607")]
    public void Signature_SHA512_8_QA10_T1M(string question, string expected) =>
        Assert.Equal(expected, Compute("OCRA-1:HOTP-SHA512-8:QA10-T1M", Rfc.Key64, question, timeSteps: Minutes));

    [Theory]
    [InlineData("OCRA-1:HOTP-SHA1-6:QN08", true)]
    [InlineData("OCRA-1:HOTP-SHA256-8:QA08", true)]
    [InlineData("OCRA-1:HOTP-SHA512-8:QN08-T1M", true)]
    [InlineData("OCRA-1:HOTP-SHA512-8:C-QN08", false)]
    [InlineData("OCRA-1:HOTP-SHA256-8:QN08-PSHA1", false)]
    public void Transaction_signing_accepts_Q_and_T_only(string suite, bool suits)
    {
        Assert.True(OcraSuite.TryParse(suite, out var parsed));
        Assert.Equal(suits, parsed.SuitsTransactionSigning);
    }

    [Theory]
    [InlineData("")]
    [InlineData("OCRA-2:HOTP-SHA1-6:QN08")]
    [InlineData("OCRA-1:HOTP-MD5-6:QN08")]
    [InlineData("OCRA-1:HOTP-SHA1-6:QX08")]
    [InlineData("OCRA-1:HOTP-SHA1-6:C")]
    [InlineData("OCRA-1:HOTP-SHA1-6:QN08-C")]
    [InlineData("OCRA-1:HOTP-SHA1-11:QN08")]
    public void Malformed_suites_are_refused(string suite) => Assert.False(OcraSuite.TryParse(suite, out _));

    private static string Compute(string suiteText, byte[] key, string question, long counter = 0, byte[]? pinHash = null, long timeSteps = 0)
    {
        Assert.True(OcraSuite.TryParse(suiteText, out var suite));
        return Hotp.FormatString(Ocra.Compute(suite, key, question, counter, pinHash, timeSteps: timeSteps), suite.Digits);
    }
}
