using System.Text.RegularExpressions;
using BizWeb.Testing;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// Every migration and model snapshot lives in <c>Migrations/&lt;Provider&gt;/</c> with the namespace of that
/// folder: <c>dotnet ef --namespace</c> once wrote the snapshots to a stray <c>BizWeb/Storage/…</c> folder.
/// </summary>
public sealed partial class MigrationLayoutTests
{
    private static readonly string Project = Path.Combine(RepositoryRoot.Find(), "src", "BizWeb.Storage.EntityFrameworkCore");

    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_exactly_one_snapshot_and_it_sits_beside_its_migrations(string provider)
    {
        var snapshots = SourceFiles().Where(f => File.ReadAllText(f).Contains(" : ModelSnapshot", StringComparison.Ordinal)).ToList();
        var mine = snapshots.Where(f => Path.GetFileName(f) == $"{provider}BizWebDbContextModelSnapshot.cs").ToList();
        var file = Assert.Single(mine);
        Assert.Equal(Path.Combine(Project, "Migrations", provider), Path.GetDirectoryName(file));
    }

    [Fact]
    public void No_migration_or_snapshot_lives_outside_its_provider_folder()
    {
        var misplaced = new List<string>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            if (!text.Contains(" : ModelSnapshot", StringComparison.Ordinal) && !text.Contains("[Migration(\"", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(Project, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var ns = NamespaceLine().Match(text).Groups[1].Value;
            if (!ProviderFolder().IsMatch(relative) || ns != "BizWeb.Storage.EntityFrameworkCore." + relative.Replace('/', '.'))
            {
                misplaced.Add($"{Path.GetRelativePath(Project, file)} (namespace {ns})");
            }
        }

        Assert.Empty(misplaced);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^Migrations/(Sqlite|PostgreSql)$")]
    private static partial Regex ProviderFolder();

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
