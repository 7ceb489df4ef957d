using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BizWeb.Testing;

namespace BizWeb.Notifications.Smtp.Tests;

/// <summary>
/// A real SMTP sink for the tests: the repository's local tool smtp4dev (.config/dotnet-tools.json,
/// restored by eng/test.sh), started on free loopback ports with an in-memory database and stopped
/// at the end. If it cannot start, the tests fail with its output: they never skip.
/// </summary>
public sealed class Smtp4devServer : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private Process? _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _smtpListening;
    private bool _webListening;

    public int SmtpPort { get; private set; }

    public Uri Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SmtpPort = FreePort();
        var webPort = FreePort();
        Api = new Uri($"http://127.0.0.1:{webPort}/api/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "tool", "run", "smtp4dev", "--", $"--smtpport={SmtpPort}", $"--urls=http://127.0.0.1:{webPort}", "--db=", "--imapport=", "--pop3port=", "--nousersettings", "--hostname=localhost" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _ready.TrySetResult(false);
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Ready when smtp4dev says both servers listen (a signal from its log, not a timed poll).
        bool started;
        try
        {
            started = await _ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            started = false;
        }

        if (started)
        {
            using var response = await _http.GetAsync(new Uri(Api, "messages"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }

        throw new InvalidOperationException($"smtp4dev did not start (run 'dotnet tool restore' in the repository). Its output:\n{Output()}");
    }

    /// <summary>Every message received, newest first: (id, subject, to).</summary>
    public async Task<IReadOnlyList<(string Id, string Subject, string To)>> MessagesAsync()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri(Api, "messages?pageSize=500")));
        return [.. document.RootElement.GetProperty("results").EnumerateArray().Select(m =>
            (m.GetProperty("id").GetString()!, m.GetProperty("subject").GetString()!, m.GetProperty("to")[0].GetString()!))];
    }

    /// <summary>The raw RFC 5322 text of one message.</summary>
    public Task<string> RawAsync(string id) => _http.GetStringAsync(new Uri(Api, $"messages/{id}/raw"));

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _http.Dispose();

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            _smtpListening |= line.Contains("SMTP Server is listening", StringComparison.Ordinal);
            _webListening |= line.Contains("Now listening on", StringComparison.Ordinal);
            if (_smtpListening && _webListening)
            {
                _ready.TrySetResult(true);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
