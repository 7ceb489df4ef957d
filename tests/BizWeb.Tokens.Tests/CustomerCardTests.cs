using BizWeb.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Tokens.Tests;

/// <summary>Customer card ②: issuance, challenges (distinct, uniform, bound, no re-roll, single use), answers, reissue.</summary>
public sealed class CustomerCardTests
{
    private static readonly Guid Flow = Guid.NewGuid();

    private static async Task<(TestHost Host, CustomerCardPrint Card)> CardAsync(Action<CustomerCardOptions>? options = null)
    {
        var host = new TestHost(options);
        await host.CreateContractAsync();
        return (host, await host.IssueCardAsync());
    }

    private static SecondFactorContext SignIn(TestHost host, Guid? flow = null) => host.Context(TestHost.Admin, FlowPurpose.AdminSignIn, flow ?? Flow);

    [Fact]
    public async Task Issuance_prints_8_positions_of_2_half_width_digits_stored_encrypted()
    {
        var (host, card) = await CardAsync();
        using var disposeHost = host;
        var digits = string.Concat(CustomerCardPositions.All.Select(card.GetValue));
        Assert.Matches("^[0-9]{16}$", digits);
        Assert.Equal(TestHost.Contract, card.ContractId);
        Assert.DoesNotContain(digits[..4], card.ToString(), StringComparison.Ordinal);

        var stored = (await host.Get<ICustomerCardStore>().FindAsync(TestHost.Contract, default))!;
        Assert.Equal(card.SerialNumber, stored.SerialNumber);
        Assert.DoesNotContain(System.Text.Encoding.ASCII.GetBytes(digits), stored.ProtectedValues.Chunk(16));
        Assert.Equal(digits, System.Text.Encoding.ASCII.GetString(host.Get<ISecretProtector>().Unprotect(stored.ProtectedValues, "BizWeb.Tokens.CustomerCard")));
    }

    [Fact]
    public async Task Issuance_to_an_unknown_contract_fails()
    {
        using var host = new TestHost();
        var result = await host.Get<CustomerCardIssuance>().IssueAsync(TestHost.Contract, TestHost.Operator, default);
        Assert.Equal(MessageCode.ContractNotFound, result.ErrorCode);
    }

    [Fact]
    public async Task No_card_means_no_challenge()
    {
        using var host = new TestHost();
        await host.CreateContractAsync();
        Assert.Null(await host.Get<ICustomerCardVerifier>().GetChallengeAsync(SignIn(host), default));
    }

    [Fact]
    public async Task A_challenge_asks_3_distinct_positions_by_default_and_expires_after_5_minutes()
    {
        var (host, _) = await CardAsync();
        using var disposeHost = host;
        var challenge = (await host.Get<ICustomerCardVerifier>().GetChallengeAsync(SignIn(host), default))!;
        Assert.Equal(3, challenge.Prompts.Count);
        Assert.Equal(3, challenge.Prompts.Distinct().Count());
        Assert.All(challenge.Prompts, p => Assert.True(CustomerCardPositions.TryParse(p, out _)));
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(5), challenge.ExpiresAt);
    }

    [Property(MaxTest = 200)]
    public Property Drawn_positions_are_always_distinct_for_every_k() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 8)), k =>
        {
            var drawn = CustomerCardValues.DrawPositions(k);
            return drawn.Length == k && drawn.Distinct().Count() == k && drawn.All(p => (int)p is >= 0 and < 8);
        });

    [Fact]
    public void Positions_are_uniform_chi_square()
    {
        const int Draws = 8_000;
        var counts = new int[8];
        for (var i = 0; i < Draws; i++)
        {
            foreach (var p in CustomerCardValues.DrawPositions(3))
            {
                counts[(int)p]++;
            }
        }

        // 7 degrees of freedom; 29.88 is the 0.01 % critical value, so a correct CSPRNG fails 1 run in 10,000.
        Assert.True(ChiSquare(counts) < 29.88, string.Join(",", counts));
    }

    [Fact]
    public void First_position_of_a_challenge_is_uniform_too_chi_square()
    {
        var counts = new int[8];
        for (var i = 0; i < 8_000; i++)
        {
            counts[(int)CustomerCardValues.DrawPositions(3)[0]]++;
        }

        Assert.True(ChiSquare(counts) < 29.88, string.Join(",", counts));
    }

    [Fact]
    public void Card_digits_are_uniform_chi_square()
    {
        var counts = new int[10];
        Span<byte> values = stackalloc byte[16];
        for (var i = 0; i < 5_000; i++)
        {
            CustomerCardValues.Generate(values);
            foreach (var b in values)
            {
                counts[b - '0']++;
            }
        }

        // 9 degrees of freedom; 33.72 is the 0.01 % critical value.
        Assert.True(ChiSquare(counts) < 33.72, string.Join(",", counts));
    }

    [Fact]
    public async Task Asking_again_in_the_same_flow_returns_the_same_positions_until_expiry()
    {
        var (host, _) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var first = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        for (var i = 0; i < 20; i++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(10));
            var again = (await verifier.GetChallengeAsync(SignIn(host), default))!;
            Assert.Equal(first.Prompts, again.Prompts);
            Assert.Equal(first.ExpiresAt, again.ExpiresAt);
        }

        host.Time.Advance(TimeSpan.FromMinutes(2));
        var fresh = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        Assert.True(fresh.ExpiresAt > first.ExpiresAt);
    }

    [Fact]
    public async Task New_flows_for_the_same_card_get_the_same_positions_while_one_is_open()
    {
        var (host, _) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var first = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        for (var i = 0; i < 30; i++)
        {
            var other = (await verifier.GetChallengeAsync(host.Context(TestHost.Admin, i % 2 == 0 ? FlowPurpose.AdminSignIn : FlowPurpose.AdminActivation, Guid.NewGuid()), default))!;
            Assert.Equal(first.Prompts, other.Prompts);
        }
    }

    [Fact]
    public async Task A_correct_answer_verifies_once()
    {
        var (host, card) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        var answer = TestHost.Answer(card, challenge.Prompts);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(SignIn(host), answer, default)).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(SignIn(host), answer, default)).Result);
    }

    [Fact]
    public async Task A_wrong_answer_is_rejected_and_keeps_the_challenge()
    {
        var (host, card) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        var answer = TestHost.Answer(card, challenge.Prompts);
        var wrong = (char)('0' + ((answer[0] - '0' + 1) % 10)) + answer[1..];
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(SignIn(host), wrong, default)).Result);
        Assert.Equal(challenge.Prompts, (await verifier.GetChallengeAsync(SignIn(host), default))!.Prompts);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(SignIn(host), answer, default)).Result);
    }

    [Fact]
    public async Task The_answer_is_bound_to_principal_step_and_flow()
    {
        var (host, card) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        var answer = TestHost.Answer(card, challenge.Prompts);
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(SignIn(host, Guid.NewGuid()), answer, default)).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(host.Context(TestHost.Admin, FlowPurpose.AdminActivation, Flow), answer, default)).Result);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(SignIn(host), answer, default)).Result);
    }

    [Fact]
    public async Task An_expired_challenge_cannot_be_answered()
    {
        var (host, card) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(SignIn(host), TestHost.Answer(card, challenge.Prompts), default)).Result);
    }

    [Theory]
    [InlineData("１２３４５６", MessageCode.OneTimePasswordMalformed)]
    [InlineData("12 3456", MessageCode.OneTimePasswordMalformed)]
    [InlineData("12345a", MessageCode.OneTimePasswordMalformed)]
    [InlineData("12345", MessageCode.OneTimePasswordLength)]
    [InlineData("1234567", MessageCode.OneTimePasswordLength)]
    [InlineData("", MessageCode.OneTimePasswordLength)]
    public async Task Malformed_answers_get_an_input_error_and_do_not_touch_the_challenge(string answer, MessageCode expected)
    {
        var (host, card) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        var verdict = await verifier.VerifyAsync(SignIn(host), answer, default);
        Assert.Equal(SecondFactorResult.Malformed, verdict.Result);
        Assert.Equal(expected, verdict.Error!.Code);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(SignIn(host), TestHost.Answer(card, challenge.Prompts), default)).Result);
    }

    [Fact]
    public async Task Reissue_kills_the_old_card_at_once()
    {
        var (host, old) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        var renewed = await host.IssueCardAsync();
        Assert.NotEqual(old.SerialNumber, renewed.SerialNumber);

        // The open challenge was asked of the old card: its answer now fails (and counts as a failure).
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(SignIn(host), TestHost.Answer(old, challenge.Prompts), default)).Result);

        // A new challenge is asked of the new card; the old card's values fail unless they happen to coincide.
        var flow = Guid.NewGuid();
        var next = (await verifier.GetChallengeAsync(SignIn(host, flow), default))!;
        var oldAnswer = TestHost.Answer(old, next.Prompts);
        var newAnswer = TestHost.Answer(renewed, next.Prompts);
        if (oldAnswer != newAnswer)
        {
            Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(SignIn(host, flow), oldAnswer, default)).Result);
        }

        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(SignIn(host, flow), newAnswer, default)).Result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task The_number_of_positions_is_configurable(int k)
    {
        var (host, card) = await CardAsync(o => o.ChallengePositions = k);
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        Assert.Equal(k, challenge.Prompts.Distinct().Count());
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(SignIn(host), TestHost.Answer(card, challenge.Prompts), default)).Result);
    }

    [Fact]
    public void Matching_compares_exactly_the_asked_positions()
    {
        var values = "1234567890123456"u8;
        CustomerCardPosition[] asked = [CustomerCardPosition.Ku, CustomerCardPosition.A];
        Assert.True(CustomerCardValues.Matches(values, asked, "5612"));
        Assert.False(CustomerCardValues.Matches(values, asked, "5613"));
        Assert.False(CustomerCardValues.Matches(values, asked, "1256"));
        Assert.False(CustomerCardValues.Matches(values, asked, "561"));
    }

    private static double ChiSquare(int[] counts)
    {
        var expected = counts.Sum() / (double)counts.Length;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }
}
