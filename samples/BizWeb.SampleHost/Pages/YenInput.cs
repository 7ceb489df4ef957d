using System.Globalization;
using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages;

/// <summary>
/// Amounts in whole yen as the settings forms take them: half-width digits only (no sign, comma,
/// space or full-width digits, as the SDK never normalises input), at most
/// <see cref="TransferFees.MaxAmount"/>. Each field that does not parse adds one error naming it, so
/// the form comes back with every problem and nothing is sent to the SDK.
/// </summary>
public static class YenInput
{
    /// <summary>A limit: empty means no limit; otherwise 1 … 9,999,999,999,999 yen.</summary>
    public static bool TryLimit(string? text, string label, List<string> errors, out long? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (TryParse(text, out var yen) && yen >= 1)
        {
            value = yen;
            return true;
        }

        errors.Add(SiteText.T(
            $"{label}は、1円以上{TransferFees.MaxAmount:N0}円以下の金額を半角数字で入力してください（限度額なしの場合は空欄）。",
            $"{label}: enter 1 to {TransferFees.MaxAmount:N0} yen in half-width digits (leave it empty for no limit)."));
        return false;
    }

    /// <summary>A required amount of 0 … 9,999,999,999,999 yen (a fee, a band bound).</summary>
    public static bool TryAmount(string? text, string label, List<string> errors, out long value)
    {
        if (TryParse(text, out value))
        {
            return true;
        }

        errors.Add(SiteText.T(
            $"{label}は、0円以上{TransferFees.MaxAmount:N0}円以下の金額を半角数字で入力してください。",
            $"{label}: enter 0 to {TransferFees.MaxAmount:N0} yen in half-width digits."));
        return false;
    }

    /// <summary>How a stored amount is written back into a field.</summary>
    public static string? Format(long? yen) => yen?.ToString(CultureInfo.InvariantCulture);

    /// <summary>How an amount is shown (e.g. 1,000,000円; 上限なし for no limit).</summary>
    public static string Show(long? yen) => yen is { } value
        ? SiteText.T($"{value:N0}円", $"¥{value:N0}")
        : SiteText.T("上限なし", "no limit");

    private static bool TryParse(string? text, out long value)
    {
        value = 0;
        return text is { Length: >= 1 and <= 13 }
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value <= TransferFees.MaxAmount;
    }
}

/// <summary>A per-transfer and per-day limit as typed into a form (raw text, so a wrong entry is shown back as typed).</summary>
public sealed class LimitInput
{
    public string? PerTransfer { get; set; }

    public string? PerDay { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(PerTransfer) && string.IsNullOrEmpty(PerDay);

    public static LimitInput Of(TransferLimit limit) => new() { PerTransfer = YenInput.Format(limit.PerTransfer), PerDay = YenInput.Format(limit.PerDay) };

    /// <summary>Reads both bounds; <paramref name="label"/> names the limit in the errors.</summary>
    public bool TryRead(string label, List<string> errors, out TransferLimit limit)
    {
        var perTransfer = YenInput.TryLimit(PerTransfer, SiteText.T($"{label}（1回あたり）", $"{label} (per transfer)"), errors, out var once);
        var perDay = YenInput.TryLimit(PerDay, SiteText.T($"{label}（1日あたり）", $"{label} (per day)"), errors, out var daily);
        limit = new TransferLimit(once, daily);
        return perTransfer && perDay;
    }
}
