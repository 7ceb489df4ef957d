using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>Puts tokens with known seeds straight into the store, for verifier tests that do not need the admin flow.</summary>
internal static class TokenSetup
{
    public static readonly UserId Taro = UserId.Parse("taro01").Value;
    public static readonly PrincipalId User = PrincipalId.User(TestHost.Contract, Taro);

    public static async Task<HardwareToken> AssignAsync(TestHost host, string serial, byte[] seed, PrincipalId owner, OtpHashAlgorithm algorithm = OtpHashAlgorithm.Sha1, int digits = 6, int period = 30, string? ocraSuite = null)
    {
        var store = host.Get<IHardwareTokenStore>();
        var token = new HardwareToken
        {
            SerialNumber = serial,
            ProtectedSeed = host.Get<ISecretProtector>().Protect(seed, "BizWeb.Tokens.Seed"),
            Algorithm = algorithm,
            Digits = digits,
            PeriodSeconds = period,
            OcraSuite = ocraSuite,
            ImportedAt = host.Time.GetUtcNow(),
        };
        Assert.Empty(await store.AddAllAsync([token], null, default));
        Assert.True((await store.TryAssignAsync(serial, owner, long.MinValue, 0, host.Time.GetUtcNow(), null, default)).Assigned);
        return (await store.FindAsync(serial, default))!;
    }

    /// <summary>The code the token shows <paramref name="offset"/> steps from the server's clock.</summary>
    public static string Code(TestHost host, HardwareToken token, byte[] seed, int offset = 0) =>
        Hotp.FormatString(Hotp.Compute(seed, token.StepAt(host.Time.GetUtcNow()) + offset, token.Algorithm, token.Digits), token.Digits);
}
