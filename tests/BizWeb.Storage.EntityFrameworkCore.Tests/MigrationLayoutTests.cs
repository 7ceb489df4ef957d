using System.Text.RegularExpressions;
using BizWeb.Testing;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// Every migration and model snapshot lives in <c>Migrations/</c> of its provider package
/// (<c>src/BizWeb.Storage.EntityFrameworkCore.&lt;Provider&gt;</c>) with the namespace of that folder, and
/// none in the provider-agnostic core package: <c>dotnet ef --namespace</c> once wrote the snapshots to
/// a stray <c>BizWeb/Storage/…</c> folder, and the core package once held both providers' migrations.
/// </summary>
public sealed partial class MigrationLayoutTests
{
    private static readonly string Source = Path.Combine(RepositoryRoot.Find(), "src");

    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_exactly_one_snapshot_and_it_sits_beside_its_migrations(string provider)
    {
        var project = ProjectOf(provider);
        var snapshots = SourceFiles(project).Where(f => File.ReadAllText(f).Contains(" : ModelSnapshot", StringComparison.Ordinal)).ToList();
        var file = Assert.Single(snapshots);
        Assert.Equal($"{provider}BizWebDbContextModelSnapshot.cs", Path.GetFileName(file));
        Assert.Equal(Path.Combine(project, "Migrations"), Path.GetDirectoryName(file));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void No_migration_or_snapshot_lives_outside_its_provider_folder(string provider)
    {
        var project = ProjectOf(provider);
        var misplaced = new List<string>();
        foreach (var file in MigrationFiles(project))
        {
            var relative = Path.GetRelativePath(project, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var ns = NamespaceLine().Match(File.ReadAllText(file)).Groups[1].Value;
            if (relative != "Migrations" || ns != $"BizWeb.Storage.EntityFrameworkCore.{provider}.Migrations")
            {
                misplaced.Add($"{Path.GetRelativePath(project, file)} (namespace {ns})");
            }
        }

        Assert.Empty(misplaced);
    }

    [Fact]
    public void The_core_package_holds_no_migration_or_snapshot()
    {
        var core = Path.Combine(Source, "BizWeb.Storage.EntityFrameworkCore");
        Assert.Empty(MigrationFiles(core).Select(f => Path.GetRelativePath(core, f)));
    }

    private static string ProjectOf(string provider) => Path.Combine(Source, $"BizWeb.Storage.EntityFrameworkCore.{provider}");

    private static IEnumerable<string> MigrationFiles(string project) =>
        SourceFiles(project).Where(f =>
        {
            var text = File.ReadAllText(f);
            return text.Contains(" : ModelSnapshot", StringComparison.Ordinal) || text.Contains("[Migration(\"", StringComparison.Ordinal);
        });

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
