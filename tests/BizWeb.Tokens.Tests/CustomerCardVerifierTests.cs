using BizWeb.Auth;
using Microsoft.Extensions.Options;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// The card verifier's edges that the flow tests leave open (issue 22, mutants of
/// <see cref="CustomerCardVerifier"/> and <see cref="CustomerCardValues"/> no test killed): argument
/// guards, serial numbers, answers without a challenge, a challenge of a reissued card, and the decrypted
/// values zeroed after every check.
/// </summary>
public sealed class CustomerCardVerifierTests
{
    private static readonly Guid Flow = Guid.NewGuid();

    private static async Task<(TestHost Host, CustomerCardPrint Card)> CardAsync()
    {
        var host = new TestHost();
        await host.CreateContractAsync();
        return (host, await host.IssueCardAsync());
    }

    private static SecondFactorContext SignIn(TestHost host) => host.Context(TestHost.Admin, FlowPurpose.AdminSignIn, Flow);

    [Fact]
    public void Values_and_draws_refuse_arguments_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerCardValues.Generate(new byte[CustomerCardValues.Length - 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerCardValues.Generate(new byte[CustomerCardValues.Length + 1]));
        // No challenge of zero positions (it would accept an empty answer), none of more than the card has.
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerCardValues.DrawPositions(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerCardValues.DrawPositions(CustomerCardPositions.Count + 1));
        Assert.Equal(CustomerCardPositions.Count, CustomerCardValues.DrawPositions(CustomerCardPositions.Count).Distinct().Count());
    }

    [Fact]
    public void A_serial_number_is_12_half_width_digits()
    {
        for (var i = 0; i < 50; i++)
        {
            var serial = CustomerCardValues.NewSerialNumber();
            Assert.Equal(12, serial.Length);
            Assert.All(serial, c => Assert.True(char.IsAsciiDigit(c), serial));
        }
    }

    [Theory]
    [InlineData("12345a", SecondFactorResult.Malformed)]
    [InlineData("１２３４５６", SecondFactorResult.Malformed)]
    [InlineData("123456", SecondFactorResult.Rejected)]
    public async Task Without_an_open_challenge_digits_are_rejected_and_anything_else_is_an_input_error(string answer, SecondFactorResult expected)
    {
        var (host, _) = await CardAsync();
        using var disposeHost = host;

        Assert.Equal(expected, (await host.Get<ICustomerCardVerifier>().VerifyAsync(SignIn(host), answer, default)).Result);
    }

    [Fact]
    public async Task A_challenge_asked_of_a_reissued_card_is_dead_even_for_the_new_cards_digits()
    {
        var (host, _) = await CardAsync();
        using var disposeHost = host;
        var verifier = host.Get<ICustomerCardVerifier>();
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        var renewed = await host.IssueCardAsync();

        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(SignIn(host), TestHost.Answer(renewed, challenge.Prompts), default)).Result);
    }

    [Fact]
    public async Task The_decrypted_card_values_are_zeroed_after_every_check()
    {
        var (host, card) = await CardAsync();
        using var disposeHost = host;
        var protector = new RecordingProtector(host.Get<ISecretProtector>());
        var verifier = new CustomerCardVerifier(host.Get<ICustomerCardStore>(), host.Get<ICustomerCardChallengeStore>(), protector, Options.Create(new CustomerCardOptions()));
        var challenge = (await verifier.GetChallengeAsync(SignIn(host), default))!;
        var answer = TestHost.Answer(card, challenge.Prompts);
        var wrong = string.Concat(answer.Select(c => (char)('0' + ((c - '0' + 1) % 10))));

        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(SignIn(host), wrong, default)).Result);
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(SignIn(host), answer, default)).Result);

        Assert.Equal(2, protector.Returned.Count);
        Assert.All(protector.Returned, values => Assert.All(values, b => Assert.Equal(0, b)));
    }

    /// <summary>The real protector, keeping every decrypted array it hands out.</summary>
    private sealed class RecordingProtector(ISecretProtector inner) : ISecretProtector
    {
        public List<byte[]> Returned { get; } = [];

        public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose) => inner.Protect(plaintext, purpose);

        public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose)
        {
            var values = inner.Unprotect(protectedData, purpose);
            Returned.Add(values);
            return values;
        }
    }
}
