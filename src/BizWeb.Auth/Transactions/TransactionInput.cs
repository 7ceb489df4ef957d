namespace BizWeb.Auth;

/// <summary>Format checks of the transaction settings and transfer entry, done before ④ or the token is asked for.</summary>
internal static class TransactionInput
{
    public const int MaxPayeeNameLength = 30;
    public const int MaxIdempotencyKeyLength = 64;
    public const int MaxFileAccessKeyLength = 32;

    public static bool IsDigits(string? text, int length) => text is not null && text.Length == length && text.All(char.IsAsciiDigit);

    /// <summary>A limit is absent or 1 … <see cref="TransferFees.MaxAmount"/> yen at each bound.</summary>
    public static bool IsValid(TransferLimit? limit) =>
        limit is not null && limit.PerTransfer is null or (>= 1 and <= TransferFees.MaxAmount) && limit.PerDay is null or (>= 1 and <= TransferFees.MaxAmount);

    /// <summary>
    /// 利用者権限設定 and 限度額設定: every granted service is in the catalogue, and limits name granted
    /// services only. Whether the contract has the services is checked against its settings when committing.
    /// </summary>
    public static void Grants(InputErrors input, TransactionOptions options, IReadOnlyList<string>? services, IReadOnlyDictionary<string, TransferLimit>? limits)
    {
        services ??= [];
        limits ??= new Dictionary<string, TransferLimit>();
        if (services.Any(s => options.FindService(s) is null) || services.Distinct(StringComparer.Ordinal).Count() != services.Count)
        {
            input.Add(MessageCode.ServiceUnknown);
        }

        if (limits.Any(l => !services.Contains(l.Key, StringComparer.Ordinal) || !IsValid(l.Value)))
        {
            input.Add(MessageCode.TransferLimitInvalid);
        }
    }

    public static bool IsValid(DebitAccount? account) =>
        account is not null && IsDigits(account.BranchCode, 3) && Enum.IsDefined(account.AccountType) && IsDigits(account.AccountNumber, 7) && IsValid(account.Limit);

    /// <summary>The 全銀 character set of a payee name: half-width katakana, upper-case letters, digits, space and <c>().-/</c>.</summary>
    public static bool IsPayeeName(string? name) =>
        name is { Length: >= 1 and <= MaxPayeeNameLength }
        && name.All(c => c is (>= '\uFF66' and <= '\uFF9F') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '(' or ')' or '.' or '-' or '/')
        && name.Trim().Length > 0;

    public static bool IsIdempotencyKey(string? key) => key is { Length: >= 1 and <= MaxIdempotencyKeyLength } && key.All(c => c is > ' ' and <= '~');

    public static bool IsZenginPassword(string? password) => IsDigits(password, 6);

    public static bool IsFileAccessKey(string? key) => key is { Length: >= 1 and <= MaxFileAccessKeyLength } && key.All(char.IsAsciiLetterOrDigit);
}
