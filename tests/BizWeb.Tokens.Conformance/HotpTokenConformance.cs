using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Tokens.Conformance;

/// <summary>
/// Event-based (HOTP) tokens over the stores under test: the kind and counter are kept, the counter moves
/// only forward with the store's conditional update, and of parallel submissions of one code exactly one is
/// accepted, however many requests arrive at once.
/// </summary>
public abstract class HotpTokenConformance : TokenStoreConformance
{
    private const string Serial = "HOTP-C1";
    private static readonly BankOperator Operator = TestBankOperators.Caller("op01");
    private readonly byte[] _seed = RandomNumberGenerator.GetBytes(20);

    [Fact]
    public async Task An_HOTP_token_keeps_its_kind_and_counter()
    {
        Assert.Empty(await Tokens.AddAllAsync([Hotp(Serial, nextCounter: 1_000_000_007)], null, default));
        var stored = (await Tokens.FindAsync(Serial, default))!;
        Assert.Equal((HardwareTokenKind.Hotp, 1_000_000_007L, 1_000_000_006L), (stored.Kind, stored.Counter, stored.LastUsedStep));
        Assert.Equal(HardwareTokenKind.Totp, (await AddTotpAsync()).Kind);
    }

    [Fact]
    public async Task A_code_within_the_look_ahead_is_accepted_once_and_moves_the_counter_past_it()
    {
        await AssignAsync(nextCounter: 5);
        Assert.Equal(SecondFactorResult.Verified, (await VerifyAsync(OathCode.Of(_seed, 8))).Result);
        Assert.Equal(9L, (await Tokens.FindAsync(Serial, default))!.Counter);
        Assert.Equal(SecondFactorResult.Replayed, (await VerifyAsync(OathCode.Of(_seed, 8))).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await VerifyAsync(OathCode.Of(_seed, 6))).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await VerifyAsync(OathCode.Of(_seed, 9 + 11))).Result);
        Assert.Equal(SecondFactorResult.Verified, (await VerifyAsync(OathCode.Of(_seed, 9))).Result);
        Assert.Equal(10L, (await Tokens.FindAsync(Serial, default))!.Counter);
    }

    [Fact]
    public async Task Parallel_submissions_of_the_same_code_are_accepted_at_most_once()
    {
        await AssignAsync(nextCounter: 0);
        var verifier = Services.GetRequiredService<IHardwareTokenVerifier>();
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        using var start = new ManualResetEventSlim();
        var submissions = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await verifier.VerifyAsync(new SecondFactorContext(Taro, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid(), now), OathCode.Of(_seed, 2), default)).Result;
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(submissions);
        Assert.Equal(1, results.Count(r => r == SecondFactorResult.Verified));
        Assert.Equal(31, results.Count(r => r == SecondFactorResult.Replayed));
        Assert.Equal(3L, (await Tokens.FindAsync(Serial, default))!.Counter);
    }

    [Fact]
    public async Task Resynchronisation_moves_the_counter_past_two_consecutive_codes_far_ahead()
    {
        await AssignAsync(nextCounter: 0);
        var inventory = Services.GetRequiredService<HardwareTokenInventory>();
        Assert.True((await inventory.ResynchronizeAsync(Serial, OathCode.Of(_seed, 80), OathCode.Of(_seed, 81), Operator)).Succeeded);
        Assert.Equal(82L, (await Tokens.FindAsync(Serial, default))!.Counter);
        Assert.False((await inventory.ResynchronizeAsync(Serial, OathCode.Of(_seed, 80), OathCode.Of(_seed, 81), Operator)).Succeeded);
        Assert.Equal(SecondFactorResult.Verified, (await VerifyAsync(OathCode.Of(_seed, 82))).Result);
    }

    private HardwareToken Hotp(string serial, long nextCounter) => new()
    {
        SerialNumber = serial,
        ProtectedSeed = Services.GetRequiredService<ISecretProtector>().Protect(_seed, HardwareToken.SeedPurpose),
        Kind = HardwareTokenKind.Hotp,
        LastUsedStep = nextCounter - 1,
        ImportedAt = T0,
    };

    private async Task AssignAsync(long nextCounter)
    {
        Assert.Empty(await Tokens.AddAllAsync([Hotp(Serial, nextCounter)], null, default));
        Assert.True((await Tokens.TryAssignAsync(Serial, Taro, nextCounter - 1, 0, T0, null, default)).Assigned);
    }

    private async Task<HardwareToken> AddTotpAsync()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("TOTP-C1")], null, default));
        return (await Tokens.FindAsync("TOTP-C1", default))!;
    }

    private ValueTask<SecondFactorVerification> VerifyAsync(string code) =>
        Services.GetRequiredService<IHardwareTokenVerifier>().VerifyAsync(
            new SecondFactorContext(Taro, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid(), Services.GetRequiredService<TimeProvider>().GetUtcNow()), code, default);
}
