using BizWeb.Testing;

namespace BizWeb.Auth.Tests;

/// <summary>
/// Issue 16: the helpers every package needs exist once. Auth owns the file and BizWeb.Tokens and
/// BizWeb.Certificates compile it as a linked file, instead of keeping near-copies that drift apart.
/// </summary>
public sealed class SharedSourceTests
{
    [Theory]
    [InlineData("IdGuard.cs", "Identifiers", "BizWeb.Tokens", "BizWeb.Certificates")]
    [InlineData("InMemoryChanges.cs", "Stores", "BizWeb.Tokens", "BizWeb.Certificates")]
    [InlineData("OneTimePasswordInput.cs", "Core", "BizWeb.Tokens")]
    public void A_shared_helper_has_one_source_file_linked_where_it_is_used(string file, string folder, params string[] linkedInto)
    {
        var src = Path.Combine(RepositoryRoot.Find(), "src");
        var copies = Directory.GetFiles(src, file, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(src, p))
            .ToList();
        Assert.Equal([Path.Combine("BizWeb.Auth", folder, file)], copies);
        foreach (var project in linkedInto)
        {
            var csproj = File.ReadAllText(Path.Combine(src, project, project + ".csproj"));
            Assert.Contains($"..\\BizWeb.Auth\\{folder}\\{file}", csproj, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_second_digit_check_is_left_in_the_token_package() =>
        Assert.Empty(Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "src", "BizWeb.Tokens"), "DigitInput.cs", SearchOption.AllDirectories));
}
