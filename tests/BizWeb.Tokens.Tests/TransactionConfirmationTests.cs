using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>Dynamic linking: one code confirms one transaction, as reviewed, once, before it expires.</summary>
public sealed class TransactionConfirmationTests
{
    private static readonly byte[] Reviewed = SHA256.HashData("2026-04-01|1286|001|1234567|JPY 100000|debit 7654321"u8);
    private static readonly byte[] Changed = SHA256.HashData("2026-04-01|1286|001|1234567|JPY 900000|debit 7654321"u8);

    [Fact]
    public async Task The_code_confirms_the_reviewed_transaction_once()
    {
        using var host = new TestHost();
        var token = await TokenSetup.AssignAsync(host, "T1", Rfc.Key20, TokenSetup.User);
        var confirmations = host.Get<TransactionConfirmations>();
        var request = (await confirmations.BeginAsync(TokenSetup.User, Reviewed)).Value;
        Assert.Null(request.OcraChallenge);

        var code = TokenSetup.Code(host, token, Rfc.Key20);
        Assert.Equal(SecondFactorResult.Verified, (await confirmations.ConfirmAsync(request.Id, TokenSetup.User, Reviewed, code)).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await confirmations.ConfirmAsync(request.Id, TokenSetup.User, Reviewed, TokenSetup.Code(host, token, Rfc.Key20, 1))).Result);
    }

    [Fact]
    public async Task A_transaction_changed_after_review_is_never_confirmed()
    {
        using var host = new TestHost();
        var token = await TokenSetup.AssignAsync(host, "T2", Rfc.Key20, TokenSetup.User);
        var confirmations = host.Get<TransactionConfirmations>();
        var request = (await confirmations.BeginAsync(TokenSetup.User, Reviewed)).Value;
        var code = TokenSetup.Code(host, token, Rfc.Key20);

        Assert.Equal(SecondFactorResult.Rejected, (await confirmations.ConfirmAsync(request.Id, TokenSetup.User, Changed, code)).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await confirmations.ConfirmAsync(request.Id, TokenSetup.User, Reviewed, code)).Result);
    }

    [Fact]
    public async Task An_expired_or_foreign_confirmation_is_rejected()
    {
        using var host = new TestHost();
        var token = await TokenSetup.AssignAsync(host, "T3", Rfc.Key20, TokenSetup.User);
        var confirmations = host.Get<TransactionConfirmations>();
        var request = (await confirmations.BeginAsync(TokenSetup.User, Reviewed)).Value;

        var other = PrincipalId.User(TestHost.Contract, UserId.Parse("hanako").Value);
        Assert.Equal(SecondFactorResult.Rejected, (await confirmations.ConfirmAsync(request.Id, other, Reviewed, TokenSetup.Code(host, token, Rfc.Key20))).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await confirmations.ConfirmAsync(Guid.NewGuid(), TokenSetup.User, Reviewed, TokenSetup.Code(host, token, Rfc.Key20))).Result);

        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SecondFactorResult.Rejected, (await confirmations.ConfirmAsync(request.Id, TokenSetup.User, Reviewed, TokenSetup.Code(host, token, Rfc.Key20))).Result);
    }

    [Fact]
    public async Task A_user_without_a_token_cannot_begin()
    {
        using var host = new TestHost();
        Assert.Equal(MessageCode.HardwareTokenNotRegistered, (await host.Get<TransactionConfirmations>().BeginAsync(TokenSetup.User, Reviewed)).ErrorCode);
    }

    [Theory]
    [InlineData("OCRA-1:HOTP-SHA1-6:QN08", 20)]
    [InlineData("OCRA-1:HOTP-SHA256-8:QA08", 32)]
    [InlineData("OCRA-1:HOTP-SHA512-8:QN08-T1M", 64)]
    public async Task OCRA_tokens_answer_a_challenge_derived_from_the_transaction(string suiteText, int keyLength)
    {
        using var host = new TestHost();
        var seed = RandomNumberGenerator.GetBytes(keyLength);
        Assert.True(OcraSuite.TryParse(suiteText, out var suite));
        await TokenSetup.AssignAsync(host, "O1", seed, TokenSetup.User, suite.Hash, suite.Digits, ocraSuite: suiteText);
        var confirmations = host.Get<TransactionConfirmations>();

        var first = (await confirmations.BeginAsync(TokenSetup.User, Reviewed)).Value;
        var second = (await confirmations.BeginAsync(TokenSetup.User, Reviewed)).Value;
        Assert.Equal(suite.QuestionLength, first.OcraChallenge!.Length);
        Assert.True(Ocra.IsValidQuestion(suite, first.OcraChallenge));
        Assert.NotEqual(first.OcraChallenge, second.OcraChallenge);

        var minutes = host.Time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var response = Hotp.FormatString(Ocra.Compute(suite, seed, first.OcraChallenge, timeSteps: minutes), suite.Digits);
        var forOther = Hotp.FormatString(Ocra.Compute(suite, seed, second.OcraChallenge!, timeSteps: minutes), suite.Digits);
        if (forOther != response)
        {
            Assert.Equal(SecondFactorResult.Rejected, (await confirmations.ConfirmAsync(first.Id, TokenSetup.User, Reviewed, forOther)).Result);
        }

        Assert.Equal(SecondFactorResult.Verified, (await confirmations.ConfirmAsync(first.Id, TokenSetup.User, Reviewed, response)).Result);
        Assert.Equal(SecondFactorResult.Rejected, (await confirmations.ConfirmAsync(first.Id, TokenSetup.User, Reviewed, response)).Result);
    }

    [Fact]
    public async Task Full_width_codes_are_input_errors()
    {
        using var host = new TestHost();
        await TokenSetup.AssignAsync(host, "T4", Rfc.Key20, TokenSetup.User);
        var confirmations = host.Get<TransactionConfirmations>();
        var request = (await confirmations.BeginAsync(TokenSetup.User, Reviewed)).Value;
        var verdict = await confirmations.ConfirmAsync(request.Id, TokenSetup.User, Reviewed, "１２３４５６");
        Assert.Equal((SecondFactorResult.Malformed, MessageCode.OneTimePasswordMalformed), (verdict.Result, verdict.Error!.Code));
    }
}
