using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BizWeb.Packaging.Tests;

/// <summary>
/// Each packed package as a consumer unzips it: the .nuspec metadata, the files a package page shows
/// (readme, icon), the lib/ folder, and the symbols' SourceLink map back to the repository.
/// </summary>
public sealed partial class PackageTests
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void Every_src_project_is_packed_once_with_its_symbols()
    {
        var ids = Packages.ProjectIds();

        Assert.NotEmpty(ids);
        Assert.Equal(ids, Packages.List.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packages.Ids), MemberType = typeof(Packages))]
    public void The_nuspec_carries_the_central_metadata(string id)
    {
        var package = Packages.Get(id);
        var metadata = package.ReadNuspecMetadata();
        string? Value(string name) => PackedPackage.Value(metadata, name);

        Assert.Equal(id, Value("id"));
        Assert.Equal("BizWeb.Sdk contributors", Value("authors"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.Equal(Packages.RepositoryUrl, Value("projectUrl"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("copyright")));

        var description = Packages.ProjectDescription(package);
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.Equal(description, Value("description"));
        Assert.DoesNotContain("SPEC.md", description, StringComparison.Ordinal);

        var tags = (Value("tags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("bizweb", tags);
        Assert.Contains("shinkin", tags);

        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(Packages.RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.True(
            Packages.HeadCommit() == repository.Attribute("commit")?.Value,
            $"{id} was packed from commit {repository.Attribute("commit")?.Value}, the tree is at {Packages.HeadCommit()}: the packages in {Packages.Folder} are stale, pack again.");
    }

    [Theory]
    [MemberData(nameof(Packages.Ids), MemberType = typeof(Packages))]
    public void The_version_is_the_central_one_with_a_prerelease_suffix_from_the_commit_unless_released(string id)
    {
        var metadata = Packages.Get(id).ReadNuspecMetadata();
        var version = PackedPackage.Value(metadata, "version")!;

        var match = Regex.Match(version, @"^(?<prefix>\d+\.\d+\.\d+)(-dev\.(?<date>\d{12})\.g(?<commit>[0-9a-f]{7,40}))?$");
        Assert.True(match.Success, $"{id} {version} is neither {Packages.VersionPrefix} nor {Packages.VersionPrefix}-dev.<yyyyMMddHHmm>.g<commit>.");
        Assert.Equal(Packages.VersionPrefix, match.Groups["prefix"].Value);
        var prerelease = match.Groups["commit"].Success;
        if (prerelease)
        {
            Assert.StartsWith(match.Groups["commit"].Value, Packages.HeadCommit(), StringComparison.Ordinal);
        }

        // The release notes are CHANGELOG.md's section of this version.
        var heading = prerelease ? "## [Unreleased]" : $"## [{Packages.VersionPrefix}]";
        Assert.Equal(Packages.ChangelogSection(heading), PackedPackage.Value(metadata, "releaseNotes"));

        // A dependency on another package of this repository is on the same version.
        var ownIds = Packages.List.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var ownDependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency" && ownIds.Contains(e.Attribute("id")!.Value)).ToList();
        Assert.All(ownDependencies, d => Assert.Equal(version, d.Attribute("version")?.Value));
    }

    [Theory]
    [MemberData(nameof(Packages.Ids), MemberType = typeof(Packages))]
    public void The_package_holds_its_readme_icon_assembly_and_docs_and_no_runtimeconfig(string id)
    {
        var package = Packages.Get(id);
        var entries = PackedPackage.Entries(package.NupkgPath);

        Assert.Equal(File.ReadAllBytes(Path.Combine(package.ProjectDirectory, "README.md")), PackedPackage.ReadEntry(package.NupkgPath, "README.md"));
        var icon = PackedPackage.ReadEntry(package.NupkgPath, "icon.png");
        Assert.Equal(File.ReadAllBytes(Path.Combine(Packages.Root, "eng", "package", "icon.png")), icon);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, icon[..8]);

        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        var lib = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(lib, e => e.EndsWith(".runtimeconfig.json", StringComparison.Ordinal) || e.EndsWith(".deps.json", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
        Assert.Contains($"lib/net10.0/{id}.pdb", PackedPackage.Entries(package.SnupkgPath));
    }

    [Theory]
    [MemberData(nameof(Packages.Ids), MemberType = typeof(Packages))]
    public void The_symbols_map_deterministic_paths_to_the_repository_at_the_packed_commit(string id)
    {
        var package = Packages.Get(id);
        var commit = package.ReadNuspecMetadata().Elements().Single(e => e.Name.LocalName == "repository").Attribute("commit")!.Value;
        var pdbBytes = PackedPackage.ReadEntry(package.SnupkgPath, $"lib/net10.0/{id}.pdb");
        var dllBytes = PackedPackage.ReadEntry(package.NupkgPath, $"lib/net10.0/{id}.dll");

        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdbBytes));
        var pdb = pdbProvider.GetMetadataReader();

        // The PDB is the assembly's (same id), not one from another build.
        using var pe = new PEReader(new MemoryStream(dllBytes));
        var codeView = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView);
        Assert.Equal(pe.ReadCodeViewDebugDirectoryData(codeView).Guid, new BlobContentId(pdb.DebugMetadataHeader!.Id).Guid);

        var sourceLinks = pdb.CustomDebugInformation
            .Select(pdb.GetCustomDebugInformation)
            .Where(c => pdb.GetGuid(c.Kind) == SourceLinkKind)
            .Select(c => pdb.GetBlobBytes(c.Value))
            .ToList();
        var json = Assert.Single(sourceLinks);
        using var sourceLink = JsonDocument.Parse(json);
        var documents = sourceLink.RootElement.GetProperty("documents").EnumerateObject().ToList();
        var map = Assert.Single(documents);
        Assert.Equal("/_/*", map.Name);
        var repository = new Uri(Packages.RepositoryUrl);
        Assert.Equal("github.com", repository.Host);
        Assert.Equal($"https://raw.githubusercontent.com{repository.AbsolutePath.TrimEnd('/')}/{commit}/*", map.Value.GetString());

        // Every source file's path is the deterministic /_/ one, never the build machine's.
        var paths = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith("/_/", p, StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith($"/_/src/{id}/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packages.Ids), MemberType = typeof(Packages))]
    public void The_assembly_names_the_repository_and_its_version(string id)
    {
        var package = Packages.Get(id);
        var version = PackedPackage.Value(package.ReadNuspecMetadata(), "version")!;
        using var pe = new PEReader(new MemoryStream(PackedPackage.ReadEntry(package.NupkgPath, $"lib/net10.0/{id}.dll")));
        var reader = pe.GetMetadataReader();

        var attributes = new List<(string Type, string?[] Values)>();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name);
            if (type is "AssemblyMetadataAttribute" or "AssemblyInformationalVersionAttribute")
            {
                var blob = reader.GetBlobReader(attribute.Value);
                Assert.Equal(1, blob.ReadUInt16());
                attributes.Add((type, type == "AssemblyMetadataAttribute" ? [blob.ReadSerializedString(), blob.ReadSerializedString()] : [blob.ReadSerializedString()]));
            }
        }

        var repositoryUrl = Assert.Single(attributes, a => a.Type == "AssemblyMetadataAttribute" && a.Values[0] == "RepositoryUrl");
        Assert.Equal(Packages.RepositoryUrl, repositoryUrl.Values[1]);
        var informational = Assert.Single(attributes, a => a.Type == "AssemblyInformationalVersionAttribute");
        Assert.StartsWith(version + "+", informational.Values[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Packages.Ids), MemberType = typeof(Packages))]
    public void The_readme_is_for_consumers_and_its_links_work_inside_the_package(string id)
    {
        var package = Packages.Get(id);
        var readme = System.Text.Encoding.UTF8.GetString(PackedPackage.ReadEntry(package.NupkgPath, "README.md"));

        var links = MarkdownLink().Matches(readme).Select(m => m.Groups["target"].Value).ToList();
        Assert.All(links, link => Assert.True(
            link.StartsWith("https://", StringComparison.Ordinal) || link.StartsWith('#'),
            $"{id}'s README links to '{link}', which does not resolve inside a package: link to {Packages.RepositoryUrl}/… instead."));
        Assert.All(links.Where(l => l.Contains("github.com/", StringComparison.Ordinal)), link =>
            Assert.True(IsUnderRepository(link), $"{id}'s README links to {link}, not under {Packages.RepositoryUrl}."));

        // Maintainer notes live in docs/maintainers.md, not in a package.
        Assert.DoesNotContain("dotnet ef migrations add", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("eng/", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("from the repository root", readme, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SPEC.md", readme.Replace(Packages.SpecificationUrl, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Packages.Ids), MemberType = typeof(Packages))]
    public void The_xml_docs_cite_the_published_specification(string id)
    {
        var package = Packages.Get(id);
        var docs = XDocument.Parse(System.Text.Encoding.UTF8.GetString(PackedPackage.ReadEntry(package.NupkgPath, $"lib/net10.0/{id}.xml")));

        var members = docs.Descendants("member").ToList();
        Assert.NotEmpty(members);
        foreach (var member in members)
        {
            var text = member.ToString(SaveOptions.DisableFormatting);
            var rest = text.Replace($"<see href=\"{Packages.SpecificationUrl}\">", "", StringComparison.Ordinal);
            Assert.True(!rest.Contains("SPEC.md", StringComparison.Ordinal) && !rest.Contains("DESIGN.md", StringComparison.Ordinal),
                $"{member.Attribute("name")?.Value} cites a file no package holds: {text}");
            foreach (var href in member.Descendants().Select(e => e.Attribute("href")?.Value).OfType<string>().Where(h => h.Contains("github.com/", StringComparison.Ordinal)))
            {
                Assert.True(IsUnderRepository(href), $"{member.Attribute("name")?.Value} links to {href}, not under {Packages.RepositoryUrl}.");
            }
        }
    }

    private static bool IsUnderRepository(string link) =>
        link == Packages.RepositoryUrl
        || link.StartsWith(Packages.RepositoryUrl + "/", StringComparison.Ordinal)
        || link.StartsWith(Packages.RepositoryUrl + "#", StringComparison.Ordinal);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();
}
