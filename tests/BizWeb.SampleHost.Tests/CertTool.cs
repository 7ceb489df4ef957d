using System.Diagnostics;
using System.Text;
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
        var stderr = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var reading = Task.Run(async () =>
        {
            var buffer = new char[256];
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer)) > 0)
            {
                lock (stderr)
                {
                    stderr.Append(buffer, 0, read);
                }
            }
        });

        await process.StandardInput.WriteLineAsync(pin);
        await process.StandardInput.FlushAsync();
        var prompt = await WaitForPromptAsync(process, stderr, secondPrompt);
        await process.StandardInput.WriteLineAsync(secondFactor(prompt));
        await process.StandardInput.WriteLineAsync(Pkcs12Password);
        await process.StandardInput.WriteLineAsync(Pkcs12Password);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await reading;
        var text = await stdout + stderr;
        Assert.True(process.ExitCode == 0, $"bizweb-cert exited {process.ExitCode}: {text}");
        return Path.Combine(output, "certificate.p12");
    }

    /// <summary>Waits for the second-factor prompt and returns what follows its label (the card positions).</summary>
    private static async Task<string> WaitForPromptAsync(Process process, StringBuilder stderr, string label)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            string text;
            lock (stderr)
            {
                text = stderr.ToString();
            }

            var at = text.IndexOf(label, StringComparison.Ordinal);
            if (at >= 0 && text.IndexOf(':', at) is var colon and > 0)
            {
                return text[(at + label.Length)..colon].Trim();
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"bizweb-cert exited ({process.ExitCode}) before asking '{label}': {text}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"bizweb-cert did not ask '{label}'.");
    }
}
