using System.Diagnostics;

namespace BizWeb.Testing;

/// <summary>
/// The PostgreSQL server of the tests: BIZWEB_TEST_POSTGRES, or, when the variable is absent (a
/// developer running <c>dotnet test</c> alone), the private cluster that eng/provision/20-postgresql.sh
/// starts (or reuses). If that fails, every PostgreSQL test fails with the script's message: never skipped.
/// </summary>
public static class TestPostgreSqlServer
{
    /// <summary>The variable that names the server (an Npgsql connection string whose role may create databases).</summary>
    public const string Variable = "BIZWEB_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Find);

    /// <summary>The server's connection string (database <c>postgres</c>), found once per process.</summary>
    public static string ConnectionString => Server.Value;

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot.Find(), "eng", "provision", "20-postgresql.sh");
        var start = new ProcessStartInfo("bash", ["-c", $"set -euo pipefail; source '{script}'; echo \"{Variable}=${Variable}\""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Variable + "=", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException(
                $"{Variable} is not set and {script} could not start PostgreSQL (exit {process.ExitCode}):\n{output}\n{error}");
        }

        return line[(Variable.Length + 1)..];
    }
}
