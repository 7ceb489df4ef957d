using System.Globalization;

namespace BizWeb.Auth;

/// <summary>
/// One error or warning with its stable <see cref="MessageCode"/> and its texts in Japanese (the
/// manual's wording where the manual gives one) and English. Texts never contain a secret or the
/// value that was refused.
/// </summary>
public sealed class BizWebMessage
{
    internal BizWebMessage(MessageCode code, MessageSeverity severity, string ja, string en)
    {
        Code = code;
        Severity = severity;
        Ja = ja;
        En = en;
    }

    /// <summary>The stable code.</summary>
    public MessageCode Code { get; }

    /// <summary>Error or warning.</summary>
    public MessageSeverity Severity { get; }

    /// <summary>The Japanese text shown to the person.</summary>
    public string Ja { get; }

    /// <summary>The English text.</summary>
    public string En { get; }

    /// <summary>The text for <paramref name="culture"/>: Japanese for any <c>ja</c> culture, English otherwise.</summary>
    /// <param name="culture">The UI culture of the request.</param>
    /// <returns><see cref="Ja"/> or <see cref="En"/>.</returns>
    public string GetText(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "ja" ? Ja : En;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {En}";
}
