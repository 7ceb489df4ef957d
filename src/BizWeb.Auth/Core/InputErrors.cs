using System.Net.Mail;
using System.Runtime.CompilerServices;

namespace BizWeb.Auth;

/// <summary>Collects format errors of a step's input before any credential is evaluated (format errors never count as failures).</summary>
internal sealed class InputErrors
{
    private const int MaxEmailLength = 254;
    private readonly List<BizWebMessage> _errors = [];
    private readonly List<BizWebMessage> _warnings = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<BizWebMessage> Errors => _errors;

    public IReadOnlyList<BizWebMessage> Warnings => _warnings;

    /// <summary>The parsed value, or <c>default</c> with the parser's errors recorded for the parsed input (see <see cref="FieldName"/>).</summary>
    public T Take<T>(ParseResult<T> result, [CallerArgumentExpression(nameof(result))] string field = "")
    {
        if (result.Succeeded)
        {
            return result.Value;
        }

        _errors.AddRange(result.Errors.Select(e => e.For(FieldName.Of(field))));
        return default!;
    }

    public void Add(ValidationResult result, string? field = null)
    {
        _errors.AddRange(field is null ? result.Errors : result.Errors.Select(e => e.For(field)));
        _warnings.AddRange(result.Warnings);
    }

    public void Add(MessageCode code) => _errors.Add(MessageCatalog.Get(code));

    private void Add(MessageCode code, string field) => _errors.Add(MessageCatalog.Get(code).For(field));

    /// <summary>Checks a PIN against the policy, reporting "required" once when empty; the errors name the PIN's field.</summary>
    public void Pin(PinPolicy policy, string? pin, [CallerArgumentExpression(nameof(pin))] string field = "") =>
        Add(policy.Validate(pin), FieldName.Of(field));

    /// <summary>An optional e-mail address: empty is fine, otherwise a plain <c>local@domain</c> of printable ASCII.</summary>
    public void Email(string? email, bool required = false, [CallerArgumentExpression(nameof(email))] string field = "")
    {
        if (string.IsNullOrEmpty(email))
        {
            if (required)
            {
                Add(MessageCode.EmailInvalid, FieldName.Of(field));
            }

            return;
        }

        if (!IsEmail(email))
        {
            Add(MessageCode.EmailInvalid, FieldName.Of(field));
        }
    }

    public void Name(string? name, bool required, [CallerArgumentExpression(nameof(name))] string field = "")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (required)
            {
                Add(MessageCode.UserNameKanaRequired, FieldName.Of(field));
            }
        }
        else
        {
            if (name.Length > UserNames.MaxLength)
            {
                _errors.Add(MessageCatalog.Format(MessageCode.UserNameTooLong, UserNames.MaxLength, 0).For(FieldName.Of(field)));
            }

            if (!UserNames.HasOnlyAllowedCharacters(name))
            {
                Add(MessageCode.UserNameInvalidCharacters, FieldName.Of(field));
            }
        }
    }

    private static bool IsEmail(string email)
    {
        if (email.Length > MaxEmailLength || email.Any(c => c is <= ' ' or > '~'))
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || !email[(at + 1)..].Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        return MailAddress.TryCreate(email, out var parsed) && string.Equals(parsed.Address, email, StringComparison.Ordinal);
    }
}
