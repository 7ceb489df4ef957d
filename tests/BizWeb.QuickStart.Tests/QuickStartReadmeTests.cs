using BizWeb.Testing;

namespace BizWeb.QuickStart.Tests;

/// <summary>The README's quick start is the quick-start portal's Program.cs, and its BizWeb glue stays small.</summary>
public sealed class QuickStartReadmeTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Program = File.ReadAllText(Path.Combine(Root, "samples", "BizWeb.QuickStart", "Program.cs")).Replace("\r", "", StringComparison.Ordinal);

    [Fact]
    public void The_READMEs_quick_start_is_the_portals_Program_cs_verbatim()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).Replace("\r", "", StringComparison.Ordinal);
        var section = readme[readme.IndexOf("\n## Quick start\n", StringComparison.Ordinal)..];
        var start = section.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var block = section[start..section.IndexOf("\n```\n", start, StringComparison.Ordinal)];
        Assert.Equal(Program.TrimEnd(), block.TrimEnd());
    }

    [Fact]
    public void The_BizWeb_glue_of_the_quick_start_is_at_most_20_lines()
    {
        // From the first line after the glue's heading to the portal's first endpoint group.
        var lines = Program.Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith("// ── The BizWeb glue", StringComparison.Ordinal)) + 1;
        var last = Array.FindIndex(lines, l => l.StartsWith("// ── 管理者", StringComparison.Ordinal));
        Assert.True(first > 0 && last > first, "Program.cs lost its section headings.");
        var glue = lines[first..last].Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)).ToList();
        Assert.InRange(glue.Count, 1, 20);
    }
}
