using System.Diagnostics;

namespace BizWeb.Certificates.Tests;

/// <summary>
/// Runs Debian's <c>openssl</c> command line, the independent reference of the interoperability
/// tests. Missing openssl fails the test with a clear message (eng/provision/10-openssl.sh installs it).
/// </summary>
internal sealed class OpenSsl : IDisposable
{
    public OpenSsl() => Directory.CreateDirectory(WorkDirectory);

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "bizweb-openssl-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string name) => Path.Combine(WorkDirectory, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs openssl with <paramref name="arguments"/>; answers exit code and combined output.</summary>
    public (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = WorkDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The openssl command line is required by the interoperability tests and was not found on PATH. Install it (apt-get install openssl, or run eng/test.sh which provisions it).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr);
        }
    }

    /// <summary>Runs openssl and fails the test when it fails.</summary>
    public string Ok(params string[] arguments)
    {
        var (code, output) = Run(arguments);
        Assert.True(code == 0, $"openssl {string.Join(' ', arguments)} failed ({code}):\n{output}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, true);
        }
        catch (IOException)
        {
        }
    }
}
