using System.Diagnostics.CodeAnalysis;

namespace BizWeb.Auth;

/// <summary>
/// 利用者ID: the id the administrator gives a user, 1–30 half-width letters and digits,
/// case-sensitive (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2, Q2-1). Equality is ordinal: <c>abc</c> and <c>ABC</c> are two users.
/// </summary>
public readonly record struct UserId
{
    /// <summary>The longest user id.</summary>
    public const int MaxLength = 30;

    private readonly string? _value;

    private UserId(string value) => _value = value;

    /// <summary>Parses untrusted text; never throws, reports every broken rule.</summary>
    /// <param name="text">The text as entered; it is not trimmed, case-folded or normalised.</param>
    /// <returns>The user id, or the errors.</returns>
    public static ParseResult<UserId> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new ParseResult<UserId>([MessageCatalog.Get(MessageCode.UserIdRequired)]);
        }

        var classes = CharacterClasses.Of(text);
        if (classes.Digits + classes.Letters == text.Length && text.Length <= MaxLength)
        {
            return new ParseResult<UserId>(new UserId(text));
        }

        var errors = new List<BizWebMessage>(3);
        if (classes.NotHalfWidth > 0)
        {
            errors.Add(MessageCatalog.Get(MessageCode.UserIdNotHalfWidth));
        }

        if (classes.Symbols > 0)
        {
            errors.Add(MessageCatalog.Get(MessageCode.UserIdAlphanumericOnly));
        }

        if (text.Length > MaxLength)
        {
            errors.Add(MessageCatalog.Get(MessageCode.UserIdTooLong));
        }

        return new ParseResult<UserId>([.. errors]);
    }

    /// <summary>Parses untrusted text; never throws.</summary>
    /// <param name="text">The text as entered.</param>
    /// <param name="userId">The user id when the text is valid.</param>
    /// <returns>True when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out UserId userId) =>
        Parse(text).TryGetValue(out userId);

    /// <summary>The user id exactly as registered.</summary>
    /// <returns>The user id as text, or an empty string for <c>default</c>.</returns>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>
    /// True for <c>default(UserId)</c>, which no parse produces: it is no user id, and the SDK refuses it
    /// (with an <see cref="ArgumentException"/>) wherever an id enters a flow or a store.
    /// </summary>
    public bool IsDefault => _value is null;
}
