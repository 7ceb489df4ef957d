using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using BizWeb.Testing;

namespace BizWeb.Packaging.Tests;

/// <summary>One packed package: its .nupkg, its .snupkg and the src/ project it was packed from.</summary>
public sealed record PackedPackage(string Id, string ProjectDirectory, string NupkgPath, string SnupkgPath)
{
    public override string ToString() => Id;

    public XElement ReadNuspecMetadata()
    {
        using var zip = ZipFile.OpenRead(NupkgPath);
        var entry = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public static string? Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    public static IReadOnlyList<string> Entries(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    public static byte[] ReadEntry(string zipPath, string entryName)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"{Path.GetFileName(zipPath)} has no entry {entryName}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>What the tests compare the packages with: the repository's central settings and files.</summary>
public static class Packages
{
    private static readonly Lazy<IReadOnlyList<PackedPackage>> All = new(Find);

    public static string Root { get; } = RepositoryRoot.Find();

    public static string RepositoryUrl { get; } = Metadata("BizWebRepositoryUrl");

    public static string VersionPrefix { get; } = Metadata("BizWebVersionPrefix");

    /// <summary>The published copy of the specification the XML docs and READMEs link to.</summary>
    public static string SpecificationUrl => RepositoryUrl + "/blob/main/docs/SPEC.md";

    public static string Folder { get; } =
        Environment.GetEnvironmentVariable("BIZWEB_PACKAGES") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Root, "artifacts", "packages");

    /// <summary>One package per src/ project (a new project is covered without changing the tests).</summary>
    public static IReadOnlyList<PackedPackage> List => All.Value;

    public static IReadOnlyList<string> ProjectIds() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Ids() => new(ProjectIds());

    public static PackedPackage Get(string id) => List.Single(p => p.Id == id);

    private static string Metadata(string key) =>
        typeof(Packages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"{key} is not set.");

    private static List<PackedPackage> Find()
    {
        if (!Directory.Exists(Folder))
        {
            throw new InvalidOperationException(
                $"No packages in {Folder}. eng/test.sh packs them there; alone: for p in src/*/*.csproj; do dotnet pack \"$p\" -c Release -o artifacts/packages; done");
        }

        var found = new List<PackedPackage>();
        foreach (var project in Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var id = Path.GetFileNameWithoutExtension(project);
            var nupkgs = Directory.GetFiles(Folder, id + ".*.nupkg")
                .Where(f => IsVersionOf(Path.GetFileName(f), id, ".nupkg"))
                .ToList();
            var snupkgs = Directory.GetFiles(Folder, id + ".*.snupkg")
                .Where(f => IsVersionOf(Path.GetFileName(f), id, ".snupkg"))
                .ToList();
            if (nupkgs.Count != 1 || snupkgs.Count != 1)
            {
                throw new InvalidOperationException($"Expected one {id} .nupkg and one .snupkg in {Folder}, found {nupkgs.Count} and {snupkgs.Count}.");
            }

            found.Add(new PackedPackage(id, Path.GetDirectoryName(project)!, nupkgs[0], snupkgs[0]));
        }

        return found;
    }

    // BizWeb.Storage.EntityFrameworkCore.0.1.0-….nupkg is a version of that id; BizWeb.Storage.EntityFrameworkCore.Sqlite.0.1.0….nupkg is not.
    private static bool IsVersionOf(string fileName, string id, string extension) =>
        fileName.StartsWith(id + ".", StringComparison.Ordinal)
        && fileName.EndsWith(extension, StringComparison.Ordinal)
        && char.IsAsciiDigit(fileName[id.Length + 1]);

    /// <summary>The commit the working tree is at (git rev-parse HEAD).</summary>
    public static string HeadCommit()
    {
        var start = new ProcessStartInfo("git", "rev-parse HEAD")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git rev-parse HEAD failed: " + git.StandardError.ReadToEnd());
        return output;
    }

    /// <summary>CHANGELOG.md's section under the given heading, as the release notes carry it.</summary>
    public static string ChangelogSection(string heading)
    {
        var changelog = File.ReadAllText(Path.Combine(Root, "CHANGELOG.md"), Encoding.UTF8).Replace("\r", "", StringComparison.Ordinal);
        var start = changelog.IndexOf("\n" + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"CHANGELOG.md has no section {heading}.");
        var rest = changelog[(start + 1)..];
        rest = rest[(rest.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        var end = rest.IndexOf("\n## [", StringComparison.Ordinal);
        return (end >= 0 ? rest[..end] : rest).Trim();
    }

    /// <summary>The Description element of a project file.</summary>
    public static string ProjectDescription(PackedPackage package)
    {
        var project = XDocument.Load(Path.Combine(package.ProjectDirectory, package.Id + ".csproj"));
        return project.Descendants("Description").Single().Value;
    }
}
