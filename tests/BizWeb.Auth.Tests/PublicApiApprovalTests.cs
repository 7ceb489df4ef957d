using BizWeb.Testing;

namespace BizWeb.Auth.Tests;

/// <summary>The approval check itself: it must fail, and leave a received file, when the API changes.</summary>
public sealed class PublicApiApprovalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bizweb-api-").FullName;

    private string Approved => Path.Combine(_directory, "X.approved.txt");

    private string Received => Path.Combine(_directory, "X.received.txt");

    [Fact]
    public void An_added_public_member_fails_and_writes_the_received_file()
    {
        var api = PublicApiApproval.Render(typeof(ContractId).Assembly);
        File.WriteAllText(Approved, api.Replace("        public const int Length = 11;\n", string.Empty, StringComparison.Ordinal));

        Assert.Throws<PublicApiChangedException>(() => PublicApiApproval.Compare(api, Approved, Received));
        Assert.Equal(api, File.ReadAllText(Received));
    }

    [Fact]
    public void A_missing_approved_file_fails()
    {
        Assert.Throws<PublicApiChangedException>(() => PublicApiApproval.Compare("namespace X { }\n", Approved, Received));
        Assert.True(File.Exists(Received));
    }

    [Fact]
    public void An_unchanged_api_passes_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Approved, "namespace X { }\r\n");
        File.WriteAllText(Received, "stale");

        PublicApiApproval.Compare("namespace X { }\n", Approved, Received);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void The_rendered_api_includes_the_dependency_injection_entry_point() =>
        Assert.Contains("AddBizWeb(", PublicApiApproval.Render(typeof(ContractId).Assembly), StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
