namespace BizWeb.Tokens;

/// <summary>What an import does with key packages it cannot import.</summary>
public enum PskcImportPolicy
{
    /// <summary>One key package that cannot be imported refuses the whole file; nothing is imported (the default).</summary>
    AllOrNothing = 0,

    /// <summary>
    /// Key packages of an unsupported kind or algorithm, with invalid parameters, or whose serial number is in
    /// the inventory already are skipped and listed (<see cref="PskcImportResult.Skipped"/>); the others are
    /// imported in one atomic step. A file-level problem, a MAC that does not verify (an altered file or a
    /// wrong key), or a serial number twice in the file still refuses the whole file, and a file of which
    /// nothing can be imported is a failure.
    /// </summary>
    SkipUnsupported = 1,
}
