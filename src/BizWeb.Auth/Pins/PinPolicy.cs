namespace BizWeb.Auth;

/// <summary>
/// A PIN system (暗証番号体系) for the login and confirmation PINs ③ ④ ⑤ ⑥: length bounds and a
/// composition rule over half-width letters and digits, case-sensitive (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §3). The bank
/// chooses one per deployment through <see cref="PinPolicyOptions"/>.
/// </summary>
public sealed class PinPolicy
{
    /// <summary>The shortest minimum length a PIN system may set.</summary>
    public const int LowestMinLength = 4;

    /// <summary>The longest maximum length a PIN system may set.</summary>
    public const int HighestMaxLength = 12;

    private readonly BizWebMessage _lengthMessage;

    private PinPolicy(int minLength, int maxLength, PinComposition composition)
    {
        MinLength = minLength;
        MaxLength = maxLength;
        Composition = composition;
        _lengthMessage = MessageCatalog.Format(MessageCode.PinLength, minLength, maxLength);
    }

    /// <summary>
    /// The default: 6–12 half-width letters and digits with at least one of each
    /// (「6桁～12桁の半角英数字・数字と英字の組み合わせが必須」).
    /// </summary>
    public static PinPolicy Standard { get; } = new(6, 12, PinComposition.LettersAndDigits);

    /// <summary>
    /// The manual's initial system: 4–12 half-width letters and/or digits, digits only and letters
    /// only allowed (「4桁～12桁、数字のみ・英字のみの登録が可能」).
    /// </summary>
    public static PinPolicy LegacyInitial { get; } = new(4, 12, PinComposition.LettersOrDigits);

    /// <summary>The shortest PIN accepted.</summary>
    public int MinLength { get; }

    /// <summary>The longest PIN accepted.</summary>
    public int MaxLength { get; }

    /// <summary>The characters required.</summary>
    public PinComposition Composition { get; }

    /// <summary>A custom PIN system.</summary>
    /// <param name="minLength">The shortest PIN, at least <see cref="LowestMinLength"/>.</param>
    /// <param name="maxLength">The longest PIN, at most <see cref="HighestMaxLength"/> and not below <paramref name="minLength"/>.</param>
    /// <param name="composition">The characters required.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound or the composition is out of range.</exception>
    public static PinPolicy Create(int minLength, int maxLength, PinComposition composition)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, LowestMinLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, HighestMaxLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, minLength);
        if (!Enum.IsDefined(composition))
        {
            throw new ArgumentOutOfRangeException(nameof(composition), composition, "Not a defined PIN composition.");
        }

        return new PinPolicy(minLength, maxLength, composition);
    }

    /// <summary>
    /// Checks a new PIN against this system and reports every broken rule at once. Never throws,
    /// never echoes the PIN, allocates nothing for a valid PIN.
    /// </summary>
    /// <param name="pin">The PIN as entered; not trimmed or normalised.</param>
    /// <returns>The result.</returns>
    public ValidationResult Validate(string? pin)
    {
        if (string.IsNullOrEmpty(pin))
        {
            return new ValidationResult([MessageCatalog.Get(MessageCode.PinRequired)], null);
        }

        var classes = CharacterClasses.Of(pin);
        var lengthOk = pin.Length >= MinLength && pin.Length <= MaxLength;
        var halfWidthOk = classes.Digits + classes.Letters == pin.Length;
        var compositionOk = Composition switch
        {
            PinComposition.LettersAndDigits => classes.Letters > 0 && classes.Digits > 0,
            PinComposition.DigitsOnly => classes.Letters == 0,
            _ => true,
        };
        if (lengthOk && halfWidthOk && compositionOk)
        {
            return ValidationResult.Valid;
        }

        var errors = new List<BizWebMessage>(4);
        if (classes.NotHalfWidth > 0)
        {
            errors.Add(MessageCatalog.Get(MessageCode.PinNotHalfWidth));
        }

        if (classes.Symbols > 0)
        {
            errors.Add(MessageCatalog.Get(MessageCode.PinAlphanumericOnly));
        }

        if (!lengthOk)
        {
            errors.Add(_lengthMessage);
        }

        if (Composition == PinComposition.LettersAndDigits)
        {
            if (classes.Letters == 0)
            {
                errors.Add(MessageCatalog.Get(MessageCode.PinRequiresLetter));
            }

            if (classes.Digits == 0)
            {
                errors.Add(MessageCatalog.Get(MessageCode.PinRequiresDigit));
            }
        }
        else if (Composition == PinComposition.DigitsOnly && classes.Letters > 0)
        {
            errors.Add(MessageCatalog.Get(MessageCode.PinDigitsOnly));
        }

        return new ValidationResult([.. errors], null);
    }

    /// <inheritdoc />
    public override string ToString() => $"PinPolicy({MinLength}-{MaxLength}, {Composition})";
}
