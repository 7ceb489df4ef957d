namespace BizWeb.Auth;

/// <summary>
/// The format check of a customer card or token answer, done before an attempt is reserved: full-width
/// digits, letters, spaces or an absurd length get an input error and are never counted (SPEC.md §2).
/// </summary>
internal static class OneTimePasswordInput
{
    private const int MaxLength = 16;

    public static BizWebMessage? Check(string? answer) =>
        string.IsNullOrEmpty(answer) || answer.Length > MaxLength || answer.Any(c => c is < '0' or > '9')
            ? MessageCatalog.Get(MessageCode.OneTimePasswordMalformed)
            : null;
}
