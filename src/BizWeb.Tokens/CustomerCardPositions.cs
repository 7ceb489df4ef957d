using System.Diagnostics.CodeAnalysis;

namespace BizWeb.Tokens;

/// <summary>The katakana labels of <see cref="CustomerCardPosition"/>, as printed on the card and shown in challenges.</summary>
public static class CustomerCardPositions
{
    private const string Labels = "アイウエオカキク";

    /// <summary>The number of positions on a card.</summary>
    public const int Count = 8;

    /// <summary>Every position in print order, ア to ク.</summary>
    public static IReadOnlyList<CustomerCardPosition> All { get; } =
        [.. Enumerable.Range(0, Count).Select(i => (CustomerCardPosition)i)];

    /// <summary>The katakana label, for example <c>ア</c>.</summary>
    /// <param name="position">A position.</param>
    /// <returns>The one-character label.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined position.</exception>
    public static string GetLabel(CustomerCardPosition position) =>
        (uint)position < Count
            ? Labels[(int)position].ToString()
            : throw new ArgumentOutOfRangeException(nameof(position), position, "Not a customer card position.");

    /// <summary>Reads a katakana label (exactly one of ア–ク, full-width katakana as printed); never throws.</summary>
    /// <param name="label">The label.</param>
    /// <param name="position">The position when the label is valid.</param>
    /// <returns>True when the label names a position.</returns>
    public static bool TryParse([NotNullWhen(true)] string? label, out CustomerCardPosition position)
    {
        var index = label is { Length: 1 } ? Labels.IndexOf(label[0], StringComparison.Ordinal) : -1;
        position = index >= 0 ? (CustomerCardPosition)index : default;
        return index >= 0;
    }
}
