using System.Globalization;

namespace BizWeb.Auth;

/// <summary>
/// One error or warning with its stable <see cref="MessageCode"/> and its texts in Japanese (the
/// manual's wording where the manual gives one) and English. Texts never contain a secret or the
/// value that was refused.
/// </summary>
public sealed class BizWebMessage
{
    internal BizWebMessage(MessageCode code, MessageSeverity severity, string ja, string en, string? field = null)
    {
        Code = code;
        Severity = severity;
        Ja = ja;
        En = en;
        Field = field;
    }

    /// <summary>The stable code.</summary>
    public MessageCode Code { get; }

    /// <summary>Error or warning.</summary>
    public MessageSeverity Severity { get; }

    /// <summary>
    /// The input the message refers to, by the name of the verb's parameter (e.g. <c>loginPin</c>,
    /// <c>newConfirmationPin</c>, <c>email</c>), so that two errors of the same kind for two inputs can be
    /// told apart and shown beside their fields; <see langword="null"/> for a message about the step as a whole.
    /// </summary>
    public string? Field { get; }

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

    /// <summary>The same message about <paramref name="field"/>.</summary>
    internal BizWebMessage For(string field) => new(Code, Severity, Ja, En, field);

    /// <inheritdoc />
    public override string ToString() => Field is null ? $"{Code}: {En}" : $"{Code} ({Field}): {En}";
}
