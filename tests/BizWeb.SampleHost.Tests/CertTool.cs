using System.Diagnostics;
using BizWeb.Testing;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// The real <c>bizweb-cert</c> as a separate process against the sample host, pinning the host's
/// development TLS certificate (<c>--server-ca</c>). Secrets go in on standard input; the card
/// positions asked are read from the tool's prompt, so a random card can be answered.
/// </summary>
public static class CertTool
{
    private static readonly string Tool = Path.Combine(RepositoryRoot.Find(), "samples", "BizWeb.CertTool", "bin", SampleHostProcess.BuildConfiguration, "net10.0", "bizweb-cert.dll");

    public const string Pkcs12Password = "p12-test-password";

    /// <summary>Enrolls the administrator; answers the card from <paramref name="demo"/>. Returns the PKCS#12 path.</summary>
    public static Task<string> EnrollAdministratorAsync(SampleHostProcess host, DemoContract demo, string loginPin) =>
        EnrollAsync(host, ["-c", demo.ContractId], loginPin, prompt => demo.Answer(prompt), "お客様カード ");

    /// <summary>Enrolls a user with the temporary login PIN and the token code of <paramref name="code"/>.</summary>
    public static Task<string> EnrollUserAsync(SampleHostProcess host, string contractId, string userId, string temporaryLoginPin, Func<string> code) =>
        EnrollAsync(host, ["-c", contractId, "-u", userId], temporaryLoginPin, _ => code(), "ワンタイムパスワード");

    private static async Task<string> EnrollAsync(SampleHostProcess host, string[] who, string pin, Func<string, string> secondFactor, string secondPrompt)
    {
        var output = Directory.CreateTempSubdirectory("bizweb-cert-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Tool, "enroll", "--server", host.SiteUrl.ToString(), "--server-ca", host.ServerCertificatePem, "--secrets-stdin", "--out", output }.Concat(who))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = new ProcessOutput();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var reading = Task.Run(async () =>
        {
            // Character by character as it comes: the prompt has no line end.
            var buffer = new char[256];
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer)) > 0)
            {
                stderr.Append(new string(buffer, 0, read));
            }

            stderr.Signal();
        });

        await process.StandardInput.WriteLineAsync(pin);
        await process.StandardInput.FlushAsync();
        var prompt = await stderr.WaitForAsync(text => PromptAfter(text, secondPrompt), () => process.HasExited, TimeSpan.FromSeconds(60), $"bizweb-cert asked '{secondPrompt}'");
        await process.StandardInput.WriteLineAsync(secondFactor(prompt));
        await process.StandardInput.WriteLineAsync(Pkcs12Password);
        await process.StandardInput.WriteLineAsync(Pkcs12Password);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await reading;
        var text = await stdout + stderr.Text;
        Assert.True(process.ExitCode == 0, $"bizweb-cert exited {process.ExitCode}: {text}");
        return Path.Combine(output, "certificate.p12");
    }

    /// <summary>What follows the second-factor prompt's label up to its colon (the card positions), once it has been printed.</summary>
    private static string? PromptAfter(string text, string label)
    {
        var at = text.IndexOf(label, StringComparison.Ordinal);
        var colon = at < 0 ? -1 : text.IndexOf(':', at);
        return colon < 0 ? null : text[(at + label.Length)..colon].Trim();
    }
}
