namespace BizWeb.Auth;

/// <summary>
/// A fee table by amount band (振込手数料マスタ): the bank's, or a customer's own payee-borne deductions
/// (先方負担手数料). Bands ascend, the last is open-ended, fees are whole yen ≥ 0 and never fall as
/// the amount rises — checked when the schedule is created.
/// </summary>
public sealed class FeeSchedule
{
    private readonly FeeBand[] _bands;

    private FeeSchedule(FeeBand[] bands) => _bands = bands;

    /// <summary>The bands, ascending.</summary>
    public IReadOnlyList<FeeBand> Bands => _bands;

    /// <summary>Checks and creates a schedule.</summary>
    /// <param name="bands">The bands in ascending order of <see cref="FeeBand.UpTo"/>, the last one up to <see cref="long.MaxValue"/>.</param>
    /// <returns>The schedule, or what is wrong with the table.</returns>
    public static AuthResult<FeeSchedule> Create(IReadOnlyList<FeeBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var valid = bands.Count > 0
            && bands[^1].UpTo == long.MaxValue
            && bands.All(b => b.UpTo > 0 && b.SameBranch >= 0 && b.SameBank >= 0 && b.OtherBank >= 0)
            && bands.Zip(bands.Skip(1)).All(p => p.First.UpTo < p.Second.UpTo
                && p.First.SameBranch <= p.Second.SameBranch && p.First.SameBank <= p.Second.SameBank && p.First.OtherBank <= p.Second.OtherBank);
        return valid ? AuthResult.Ok(new FeeSchedule([.. bands])) : AuthResult.Fail<FeeSchedule>(MessageCode.FeeScheduleInvalid);
    }

    /// <summary>The fee for a transfer of <paramref name="amount"/> yen to <paramref name="relation"/>.</summary>
    /// <param name="amount">The amount in yen, positive.</param>
    /// <param name="relation">Where the payee is.</param>
    /// <returns>The fee in yen.</returns>
    public long FeeFor(long amount, PayeeRelation relation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        foreach (var band in _bands)
        {
            if (amount <= band.UpTo)
            {
                return band.FeeFor(relation);
            }
        }

        throw new InvalidOperationException("The last band is open-ended; this cannot happen.");
    }
}
