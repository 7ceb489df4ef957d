using BizWeb.Auth;

namespace BizWeb.Tokens.Conformance;

/// <summary>Transaction confirmations: stored as given, consumed exactly once.</summary>
public abstract class TransactionConfirmationStoreConformance : TokenStoreConformance
{
    private static TransactionConfirmation NewConfirmation() => new()
    {
        Id = Guid.NewGuid(),
        Principal = Taro,
        Digest = System.Security.Cryptography.SHA256.HashData("transfer"u8),
        OcraChallenge = "12345678",
        CreatedAt = T0,
        ExpiresAt = T0.AddMinutes(5),
    };

    [Fact]
    public async Task A_confirmation_round_trips()
    {
        var confirmation = NewConfirmation();
        await Confirmations.AddAsync(confirmation, default);
        var stored = (await Confirmations.FindAsync(confirmation.Id, default))!;
        Assert.Equal(confirmation.Digest, stored.Digest);
        Assert.Equal((confirmation.Principal, confirmation.OcraChallenge, confirmation.CreatedAt, confirmation.ExpiresAt), (stored.Principal, stored.OcraChallenge, stored.CreatedAt, stored.ExpiresAt));
    }

    [Fact]
    public async Task A_confirmation_is_consumed_exactly_once_even_in_parallel()
    {
        var confirmation = NewConfirmation();
        await Confirmations.AddAsync(confirmation, default);
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Confirmations.TryConsumeAsync(confirmation.Id, default).AsTask())));
        Assert.Equal(1, results.Count(r => r));
        Assert.Null(await Confirmations.FindAsync(confirmation.Id, default));
        Assert.False(await Confirmations.TryConsumeAsync(Guid.NewGuid(), default));
    }
}
