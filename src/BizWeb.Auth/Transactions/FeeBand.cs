namespace BizWeb.Auth;

/// <summary>One row of the fee master: the fees for transfers up to <see cref="UpTo"/> yen (inclusive).</summary>
/// <param name="UpTo">The band's upper bound in yen, inclusive; <see cref="long.MaxValue"/> for the last band.</param>
/// <param name="SameBranch">The fee within the branch, in yen.</param>
/// <param name="SameBank">The fee to another branch of the bank, in yen.</param>
/// <param name="OtherBank">The fee to another bank, in yen.</param>
public sealed record FeeBand(long UpTo, long SameBranch, long SameBank, long OtherBank)
{
    /// <summary>The fee for <paramref name="relation"/>.</summary>
    /// <param name="relation">Where the payee is.</param>
    /// <returns>The fee in yen.</returns>
    public long FeeFor(PayeeRelation relation) => relation switch
    {
        PayeeRelation.SameBranch => SameBranch,
        PayeeRelation.SameBank => SameBank,
        PayeeRelation.OtherBank => OtherBank,
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };
}
