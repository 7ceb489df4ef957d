namespace BizWeb.SampleHost.Pages.Ops.Tokens;

/// <summary>Where a console PSKC import is: the preview read, the import, or the end.</summary>
public enum PskcImportPhase
{
    /// <summary>The file is read as a preview (every MAC checked, nothing stored).</summary>
    Previewing = 0,

    /// <summary>The file is imported (read again, the tokens added in one atomic step at the end).</summary>
    Importing = 1,

    /// <summary>Finished: see the preview and the result.</summary>
    Done = 2,
}
