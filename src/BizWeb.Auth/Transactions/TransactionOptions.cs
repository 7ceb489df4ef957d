namespace BizWeb.Auth;

/// <summary>The bank's transaction settings: the service catalogue, its fee master and how far ahead transfers may be scheduled.</summary>
public sealed class TransactionOptions
{
    /// <summary>
    /// The service catalogue; when empty (the default), <see cref="BankServices.DefaultCatalogue"/>.
    /// Must contain <see cref="BankServices.Transfers"/>. (Empty by default because configuration
    /// binding appends to a list rather than replacing it.)
    /// </summary>
    public List<BankService> Services { get; set; } = [];

    /// <summary>
    /// The bank's 振込手数料マスタ by amount band (see <see cref="FeeSchedule"/>); when empty (the
    /// default), an illustrative table: up to 29,999 yen 0 / 110 / 330, above 0 / 220 / 550 yen for
    /// same branch / same bank / other bank. A bank sets its own.
    /// </summary>
    public List<FeeBand> BankFees { get; set; } = [];

    /// <summary>How many days after today (bank's time zone) a transfer may be scheduled: 30 by default, 0–365.</summary>
    public int MaxDaysAhead { get; set; } = 30;

    /// <summary>The catalogue in effect.</summary>
    internal IReadOnlyList<BankService> Catalogue => Services is { Count: > 0 } ? Services : BankServices.DefaultCatalogue();

    /// <summary>The checked fee master in effect.</summary>
    internal FeeSchedule BankFeeSchedule => FeeSchedule.Create(EffectiveBankFees).Value;

    private IReadOnlyList<FeeBand> EffectiveBankFees => BankFees is { Count: > 0 }
        ? BankFees
        : [new(29_999, 0, 110, 330), new(long.MaxValue, 0, 220, 550)];

    internal BankService? FindService(string? id) => Catalogue.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    internal IEnumerable<string> Validate(string prefix)
    {
        var catalogue = Catalogue;
        if (catalogue.Any(s => s is null || !IsServiceId(s.Id) || string.IsNullOrEmpty(s.NameJa) || string.IsNullOrEmpty(s.NameEn)))
        {
            yield return $"{prefix}:Services must list services with an id of 1–32 half-width letters and digits and both names.";
        }
        else if (catalogue.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != catalogue.Count || FindService(BankServices.Transfers) is null)
        {
            yield return $"{prefix}:Services must have distinct ids and include '{BankServices.Transfers}'.";
        }

        if (!FeeSchedule.Create(EffectiveBankFees).Succeeded)
        {
            yield return $"{prefix}:BankFees must ascend, end with UpTo = {long.MaxValue}, and have fees ≥ 0 that never fall as the amount rises.";
        }

        if (MaxDaysAhead is < 0 or > 365)
        {
            yield return $"{prefix}:MaxDaysAhead must be between 0 and 365.";
        }
    }

    internal static bool IsServiceId(string? id) => id is { Length: >= 1 and <= 32 } && id.All(char.IsAsciiLetterOrDigit);
}
