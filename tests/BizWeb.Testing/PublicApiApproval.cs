using System.Reflection;
using PublicApiGenerator;

namespace BizWeb.Testing;

/// <summary>
/// Renders an assembly's public API with PublicApiGenerator and compares it with the approved file
/// committed beside the test project. On a difference the test fails and writes
/// <c>*.received.txt</c> next to the approved file, so a change of public API is a reviewed diff:
/// copy the received file over the approved one to accept it.
/// </summary>
public static class PublicApiApproval
{
    /// <summary>Checks <paramref name="assembly"/> against <c>tests/{testProject}/{assembly}.approved.txt</c>.</summary>
    public static void Verify(Assembly assembly, string testProjectName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var directory = Path.Combine(RepositoryRoot.Find(), "tests", testProjectName);
        var name = assembly.GetName().Name;
        Compare(Render(assembly), Path.Combine(directory, $"{name}.approved.txt"), Path.Combine(directory, $"{name}.received.txt"));
    }

    /// <summary>The public API text of an assembly, with line endings normalised.</summary>
    public static string Render(Assembly assembly) =>
        assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder"],
        })
            .ReplaceLineEndings("\n") + "\n";

    /// <summary>Compares <paramref name="api"/> with the approved file; on a difference writes the received file and fails.</summary>
    public static void Compare(string api, string approvedPath, string receivedPath)
    {
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == api)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, api);
        throw new PublicApiChangedException(
            approved is null
                ? $"No approved public API file at {approvedPath}. Review {receivedPath} and rename it to approve it."
                : $"The public API differs from {approvedPath}. Review the diff with {receivedPath}; copy it over the approved file to accept the change.");
    }
}

/// <summary>Thrown when an assembly's public API differs from its approved file.</summary>
public sealed class PublicApiChangedException(string message) : Exception(message);
