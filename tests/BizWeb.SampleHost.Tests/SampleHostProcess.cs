using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BizWeb.Testing;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// The sample host as a real, separate process on free loopback ports, in a data folder of its own,
/// in test mode (the clock can be moved forward). Its console output is kept: the demo seed and the
/// first operator print their one-time secrets there.
/// </summary>
public sealed class SampleHostProcess : IAsyncDisposable
{
    private static readonly string HostDll = Path.Combine(RepositoryRoot.Find(), "samples", "BizWeb.SampleHost", "bin", BuildConfiguration, "net10.0", "BizWeb.SampleHost.dll");
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ProcessOutput _output = new();
    private readonly bool _ownsDataDirectory;

    private SampleHostProcess(Process process, string dataDirectory, bool ownsDataDirectory, int sitePort, int operationsPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        SiteUrl = new Uri($"https://localhost:{sitePort}/");
        OperationsUrl = new Uri($"https://localhost:{operationsPort}/");
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _output.Signal();
    }

    public static string BuildConfiguration =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    public Uri SiteUrl { get; }

    public Uri OperationsUrl { get; }

    public string DataDirectory { get; }

    public string Output => string.Join('\n', _lines);

    /// <summary>How far test mode's clock has been moved forward (by <see cref="AdvanceClockAsync"/>).</summary>
    public TimeSpan ClockOffset { get; private set; }

    /// <summary>The host's idea of now: the system clock plus <see cref="ClockOffset"/>.</summary>
    public DateTime UtcNow => DateTime.UtcNow + ClockOffset;

    /// <summary>Moves test mode's clock forward through the operations listener.</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(OperationsUrl, $"ops/test/clock/advance?minutes={(int)by.TotalMinutes}"));
        request.Headers.Add("X-BizWeb-Test-Clock", "1");
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"advancing the test clock answered {(int)response.StatusCode}");
        ClockOffset += TimeSpan.FromMinutes((int)by.TotalMinutes);
    }

    /// <summary>The host's localhost TLS certificate (public PEM), for clients that pin it.</summary>
    public string ServerCertificatePem => Path.Combine(DataDirectory, "server-localhost.pem");

    public static async Task<SampleHostProcess> StartAsync(bool demo = true, string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("bizweb-host-").FullName;
        var sitePort = FreePort();
        var operationsPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        start.ArgumentList.Add(HostDll);
        if (demo)
        {
            start.ArgumentList.Add("--demo");
        }

        var arguments = new Dictionary<string, string>
        {
            ["SampleHost:DataDirectory"] = dataDirectory,
            ["SampleHost:SitePort"] = sitePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SampleHost:OperationsPort"] = operationsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SampleHost:TestClock"] = "true",
            ["BizWeb:AspNetCore:DispatchInterval"] = "00:00:01",
            // Browser tests post many PINs from one address; the per-address limit has its own test.
            ["BizWeb:AspNetCore:CredentialPostsPerClientPerMinute"] = "1000",
            ["BizWeb:AspNetCore:CredentialPostsPerContractPerMinute"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = start };
        var host = new SampleHostProcess(process, dataDirectory, owns, sitePort, operationsPort);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitForAsync("customer site", TimeSpan.FromSeconds(90));
        return host;
    }

    /// <summary>Waits until a line containing <paramref name="text"/> appears; fails with the whole output if the host exits or time runs out.</summary>
    public Task<string> WaitForAsync(string text, TimeSpan timeout) =>
        _output.WaitForAsync(
            _ => _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)),
            () => _process.HasExited,
            timeout,
            $"the sample host printed '{text}'");

    /// <summary>Waits until the host has printed <paramref name="count"/> lines containing <paramref name="text"/>.</summary>
    public Task<string> WaitForCountAsync(string text, int count, TimeSpan timeout) =>
        _output.WaitForAsync(
            _ => _lines.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count ? text : null,
            () => _process.HasExited,
            timeout,
            $"the sample host printed '{text}' {count} times");

    /// <summary>How many lines containing <paramref name="text"/> the host has printed so far.</summary>
    public int Count(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>The value after a label in the console output, e.g. <c>Value("契約者ID (contract id)")</c>.</summary>
    public string Value(string label)
    {
        var line = _lines.FirstOrDefault(l => l.Contains(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"'{label}' was not printed:\n{Output}");
        return line[(line.IndexOf(label, StringComparison.Ordinal) + label.Length)..].Trim().TrimStart(':').Trim();
    }

    /// <summary>The value after a label in a file the host wrote to its data folder (e.g. <c>first-operator.txt</c>).</summary>
    public string FileValue(string file, string label)
    {
        var line = File.ReadAllLines(Path.Combine(DataDirectory, file)).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"'{label}' is not in {file}.");
        return line[label.Length..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process: the temp folder is cleaned by the OS.
            }
        }
    }

    private void Receive(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
            _output.Append(line + "\n");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
