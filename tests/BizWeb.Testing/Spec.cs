namespace BizWeb.Testing;

/// <summary>SPEC.md, which tests read to assert the manual's texts and lists.</summary>
public static class Spec
{
    /// <summary>SPEC.md from shared/ beside the repository when present (the source of truth), else the copy in docs/.</summary>
    public static string Read()
    {
        var root = RepositoryRoot.Find();
        var shared = Path.Combine(root, "..", "shared", "SPEC.md");
        return File.ReadAllText(File.Exists(shared) ? shared : Path.Combine(root, "docs", "SPEC.md"));
    }
}
