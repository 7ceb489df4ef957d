using BizWeb.Testing.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Transactions;

/// <summary>
/// Through the whole flow (draft, review, token, reservation, executor): a transfer is authorised
/// exactly when it fits every limit at every level, judged by an independent oracle.
/// </summary>
public sealed class TransferAuthorisationProperties
{
    private static readonly Gen<long?> Bound = Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(1, 400_000).Select(v => (long?)v));

    private static readonly Gen<TransferLimit?> Limit = Gen.OneOf(
        Gen.Constant<TransferLimit?>(null),
        from perTransfer in Bound from perDay in Bound select (TransferLimit?)new TransferLimit(perTransfer, perDay));

    private static readonly Gen<LimitCase> Cases =
        from user in Limit
        from account in Limit
        from contract in Limit
        from amounts in Gen.ListOf(Gen.Choose(1, 250_000).Select(v => (long)v))
        select new LimitCase(user, account, contract, [.. amounts.Take(6)]);

    /// <summary>The oracle: plain decimal sums per level, in the order the transfers are made.</summary>
    private static List<bool> Expected(LimitCase c)
    {
        var levels = new[] { c.User, c.Account, c.Contract };
        var used = new decimal[levels.Length];
        var expected = new List<bool>();
        foreach (var amount in c.Amounts)
        {
            var fits = levels.Select((l, i) => l is null || ((l.PerTransfer is null || amount <= l.PerTransfer) && (l.PerDay is null || used[i] + amount <= l.PerDay))).All(f => f);
            if (fits)
            {
                for (var i = 0; i < used.Length; i++)
                {
                    used[i] += amount;
                }
            }

            expected.Add(fits);
        }

        return expected;
    }

    [Property(MaxTest = 40)]
    public Property Authorised_exactly_when_every_level_fits() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            using var h = AuthHarness.Create();
            var actual = Run(h, c).GetAwaiter().GetResult();
            return actual.SequenceEqual(Expected(c));
        });

    private static async Task<List<bool>> Run(AuthHarness h, LimitCase c)
    {
        var s = await TransferScenario.CreateAsync(h, c.User, c.Account, c.Contract);
        var results = new List<bool>();
        foreach (var amount in c.Amounts)
        {
            var result = await s.TransferAsync(s.Request(amount));
            if (!result.Succeeded && result.ErrorCode is not (MessageCode.TransferLimitExceeded or MessageCode.DailyLimitExceeded))
            {
                throw new InvalidOperationException($"Unexpected refusal: {result}");
            }

            results.Add(result.Succeeded);
        }

        return results;
    }

    public sealed record LimitCase(TransferLimit? User, TransferLimit? Account, TransferLimit? Contract, IReadOnlyList<long> Amounts)
    {
        public override string ToString() => $"user {User}, account {Account}, contract {Contract}, amounts [{string.Join(", ", Amounts)}]";
    }
}
