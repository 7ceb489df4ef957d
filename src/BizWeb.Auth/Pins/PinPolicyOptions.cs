namespace BizWeb.Auth;

/// <summary>
/// Configuration of the PIN system: a preset, or <see cref="PinSystem.Custom"/> with all three of
/// <see cref="MinLength"/>, <see cref="MaxLength"/> and <see cref="Composition"/>. Validated at start-up.
/// </summary>
public sealed class PinPolicyOptions
{
    /// <summary>The PIN system; <see cref="PinSystem.Standard"/> by default.</summary>
    public PinSystem System { get; set; } = PinSystem.Standard;

    /// <summary>For <see cref="PinSystem.Custom"/> only: the shortest PIN (at least 4).</summary>
    public int? MinLength { get; set; }

    /// <summary>For <see cref="PinSystem.Custom"/> only: the longest PIN (at most 12).</summary>
    public int? MaxLength { get; set; }

    /// <summary>For <see cref="PinSystem.Custom"/> only: the characters required.</summary>
    public PinComposition? Composition { get; set; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    internal IEnumerable<string> Validate(string prefix)
    {
        if (!Enum.IsDefined(System))
        {
            yield return $"{prefix}:System must be Standard, LegacyInitial or Custom.";
            yield break;
        }

        if (System != PinSystem.Custom)
        {
            if (MinLength is not null || MaxLength is not null || Composition is not null)
            {
                yield return $"{prefix}:MinLength, MaxLength and Composition apply only when {prefix}:System is Custom.";
            }

            yield break;
        }

        if (MinLength is null || MaxLength is null || Composition is null)
        {
            yield return $"{prefix}:System Custom needs MinLength, MaxLength and Composition.";
            yield break;
        }

        if (MinLength < PinPolicy.LowestMinLength)
        {
            yield return $"{prefix}:MinLength must be at least {PinPolicy.LowestMinLength} (was {MinLength}).";
        }

        if (MaxLength > PinPolicy.HighestMaxLength)
        {
            yield return $"{prefix}:MaxLength must be at most {PinPolicy.HighestMaxLength} (was {MaxLength}).";
        }

        if (MaxLength < MinLength)
        {
            yield return $"{prefix}:MaxLength ({MaxLength}) must not be below MinLength ({MinLength}).";
        }

        if (!Enum.IsDefined(Composition.Value))
        {
            yield return $"{prefix}:Composition must be LettersAndDigits, LettersOrDigits or DigitsOnly.";
        }
    }

    /// <summary>The policy these (valid) options describe.</summary>
    internal PinPolicy ToPolicy() => System switch
    {
        PinSystem.Standard => PinPolicy.Standard,
        PinSystem.LegacyInitial => PinPolicy.LegacyInitial,
        _ => PinPolicy.Create(MinLength!.Value, MaxLength!.Value, Composition!.Value),
    };
}
