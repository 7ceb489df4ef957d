namespace BizWeb.Testing;

/// <summary>Finds the repository root (the folder holding BizWeb.Sdk.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BizWeb.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BizWeb.Sdk.sln not found above {AppContext.BaseDirectory}.");
    }
}
