namespace BizWeb.Auth;

/// <summary>
/// The rule shared by the fixed-length numeric identifiers (contract id, bank code, registration
/// PIN): exactly <see cref="Length"/> half-width digits. Reports every broken part at once.
/// </summary>
internal sealed class FixedDigitsRule
{
    public static readonly FixedDigitsRule ContractId = new(11,
        MessageCode.ContractIdRequired, MessageCode.ContractIdNotHalfWidth, MessageCode.ContractIdDigitsOnly, MessageCode.ContractIdLength);

    public static readonly FixedDigitsRule BankCode = new(4,
        MessageCode.BankCodeRequired, MessageCode.BankCodeNotHalfWidth, MessageCode.BankCodeDigitsOnly, MessageCode.BankCodeLength);

    public static readonly FixedDigitsRule RegistrationPin = new(4,
        MessageCode.RegistrationPinRequired, MessageCode.RegistrationPinNotHalfWidth, MessageCode.RegistrationPinDigitsOnly, MessageCode.RegistrationPinLength);

    private readonly MessageCode _required;
    private readonly MessageCode _notHalfWidth;
    private readonly MessageCode _digitsOnly;
    private readonly MessageCode _length;

    private FixedDigitsRule(int length, MessageCode required, MessageCode notHalfWidth, MessageCode digitsOnly, MessageCode lengthCode)
    {
        Length = length;
        _required = required;
        _notHalfWidth = notHalfWidth;
        _digitsOnly = digitsOnly;
        _length = lengthCode;
    }

    public int Length { get; }

    /// <summary>Null when <paramref name="text"/> is valid, otherwise every broken part.</summary>
    public BizWebMessage[]? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [MessageCatalog.Get(_required)];
        }

        var classes = CharacterClasses.Of(text);
        if (classes.Digits == Length && text.Length == Length)
        {
            return null;
        }

        var errors = new List<BizWebMessage>(3);
        if (classes.NotHalfWidth > 0)
        {
            errors.Add(MessageCatalog.Get(_notHalfWidth));
        }

        if (classes.Letters + classes.Symbols > 0)
        {
            errors.Add(MessageCatalog.Get(_digitsOnly));
        }

        if (text.Length != Length)
        {
            errors.Add(MessageCatalog.Get(_length));
        }

        return [.. errors];
    }
}
