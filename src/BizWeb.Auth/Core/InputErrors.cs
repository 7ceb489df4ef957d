using System.Net.Mail;

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

    public T Take<T>(ParseResult<T> result)
    {
        if (result.Succeeded)
        {
            return result.Value;
        }

        _errors.AddRange(result.Errors);
        return default!;
    }

    public void Add(ValidationResult result)
    {
        _errors.AddRange(result.Errors);
        _warnings.AddRange(result.Warnings);
    }

    public void Add(MessageCode code) => _errors.Add(MessageCatalog.Get(code));

    /// <summary>Checks a PIN against the policy, reporting "required" once when empty.</summary>
    public void Pin(PinPolicy policy, string? pin) => Add(policy.Validate(pin));

    /// <summary>An optional e-mail address: empty is fine, otherwise a plain <c>local@domain</c> of printable ASCII.</summary>
    public void Email(string? email, bool required = false)
    {
        if (string.IsNullOrEmpty(email))
        {
            if (required)
            {
                Add(MessageCode.EmailInvalid);
            }

            return;
        }

        if (!IsEmail(email))
        {
            Add(MessageCode.EmailInvalid);
        }
    }

    public void Name(string? name, bool required)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (required)
            {
                Add(MessageCode.UserNameKanaRequired);
            }
        }
        else
        {
            if (name.Length > UserNames.MaxLength)
            {
                _errors.Add(MessageCatalog.Format(MessageCode.UserNameTooLong, UserNames.MaxLength, 0));
            }

            if (!UserNames.HasOnlyAllowedCharacters(name))
            {
                Add(MessageCode.UserNameInvalidCharacters);
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
