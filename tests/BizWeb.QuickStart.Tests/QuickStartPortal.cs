using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using BizWeb.Notifications.Smtp.Tests;
using BizWeb.Testing;

namespace BizWeb.QuickStart.Tests;

/// <summary>
/// The quick-start portal as a bank runs it: built from the packed packages (not project references)
/// into a folder of its own, with a TLS certificate made by openssl, its CA created at first start,
/// security e-mail through a real SMTP server (smtp4dev), and one contract created by its back-office
/// command. Started once for the test class; stopped and deleted at the end.
/// </summary>
public sealed class QuickStartPortal : IAsyncLifetime, IDisposable
{
    public const string ContractId = "12345678901";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private readonly Smtp4devServer _smtp = new();
    private readonly ProcessOutput _output = new();
    private readonly string _caPassword = System.Security.Cryptography.RandomNumberGenerator.GetHexString(32);
    private Process? _portal;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("bizweb-quickstart-").FullName;

    public Uri Url { get; private set; } = null!;

    public X509Certificate2 ServerCertificate { get; private set; } = null!;

    public Smtp4devServer Smtp => _smtp;

    /// <summary>The back office's one-time output for the contract (registration PIN, card, token).</summary>
    public JsonElement Contract { get; private set; }

    public string Output => _output.Text;

    private string App => Path.Combine(Directory, "app");

    public async Task InitializeAsync()
    {
        await _smtp.InitializeAsync();
        await BuildFromPackagesAsync();
        await RunAsync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", Path.Combine(Directory, "server-key.pem"), "-out", Path.Combine(Directory, "server.pem")], Directory);
        ServerCertificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(Directory, "server.pem")));
        Url = new Uri($"https://127.0.0.1:{FreePort()}/");

        var created = await RunAsync("dotnet", [Path.Combine(App, "BizWeb.QuickStart.dll"), "bank", "new-contract", ContractId], App, Environment());
        Contract = JsonDocument.Parse(created.Split('\n').Last(l => l.StartsWith('{'))).RootElement.Clone();

        var start = Start(Path.Combine(App, "BizWeb.QuickStart.dll"), Environment());
        _portal = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        _portal.EnableRaisingEvents = true;
        _portal.Exited += (_, _) => _output.Signal();
        _portal.OutputDataReceived += (_, e) => _output.Append(e.Data + "\n");
        _portal.ErrorDataReceived += (_, e) => _output.Append(e.Data + "\n");
        _portal.BeginOutputReadLine();
        _portal.BeginErrorReadLine();
        await _output.WaitForAsync(t => t.Contains("Now listening on: " + Url.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) ? t : null,
            () => _portal.HasExited, TimeSpan.FromMinutes(2), "the quick-start portal listens");
    }

    public async Task DisposeAsync()
    {
        if (_portal is { HasExited: false })
        {
            _portal.Kill(entireProcessTree: true);
            await _portal.WaitForExitAsync();
        }

        _portal?.Dispose();
        _smtp.Dispose();
        ServerCertificate?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    public void Dispose() => _smtp.Dispose();

    /// <summary>An HTTPS client that trusts exactly the portal's certificate and presents <paramref name="clientCertificate"/> when the portal asks.</summary>
    public HttpClient Client(X509Certificate2? clientCertificate = null)
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            ClientCertificateOptions = ClientCertificateOption.Manual,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.RawDataMemory.Span.SequenceEqual(ServerCertificate.RawDataMemory.Span),
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificates.Add(clientCertificate);
        }

        return new HttpClient(handler) { BaseAddress = Url };
    }

    /// <summary>Runs a program to its end; its standard output, or the test fails with everything it wrote.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(BuildTimeout);
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
        return await output;
    }

    private async Task BuildFromPackagesAsync()
    {
        var root = RepositoryRoot.Find();
        var feed = Path.Combine(root, "artifacts", "packages");
        var auth = System.IO.Directory.Exists(feed)
            ? System.IO.Directory.GetFiles(feed, "BizWeb.Auth.*.nupkg").Where(f => char.IsAsciiDigit(Path.GetFileName(f)["BizWeb.Auth.".Length])).ToList()
            : [];
        Assert.True(auth.Count == 1, $"Expected the packages of one build in {feed}, found {auth.Count} of BizWeb.Auth. eng/test.sh packs them; alone: for p in src/*/*.csproj; do dotnet pack \"$p\" -c Release -o artifacts/packages; done");
        var version = Path.GetFileNameWithoutExtension(auth[0])["BizWeb.Auth.".Length..];

        // The quick start restores into a packages folder of its own (its nuget.config): drop the BizWeb
        // packages there so a rebuild of the same version is never taken from an older restore.
        var restored = Path.Combine(root, "artifacts", "quickstart-packages");
        foreach (var old in System.IO.Directory.Exists(restored) ? System.IO.Directory.GetDirectories(restored, "bizweb.*") : [])
        {
            System.IO.Directory.Delete(old, recursive: true);
        }

        await RunAsync("dotnet", ["build", Path.Combine(root, "samples", "BizWeb.QuickStart", "BizWeb.QuickStart.csproj"), "-c", "Release", "--nologo",
            "-p:BizWebVersion=" + version, "-o", App], root);
        Assert.True(File.Exists(Path.Combine(App, "BizWeb.Auth.dll")), "The quick start's output has no BizWeb.Auth.dll.");
        Assert.False(File.Exists(Path.Combine(App, "BizWeb.Testing.dll")), "The quick start must take only the packages.");
    }

    private Dictionary<string, string> Environment() => new()
    {
        // Data Protection keeps its key ring under HOME: the portal's own, in this folder.
        ["HOME"] = Directory,
        ["DOTNET_CLI_HOME"] = Directory,
        ["ConnectionStrings__BizWeb"] = "Data Source=" + Path.Combine(Directory, "bizweb.db"),
        ["Kestrel__Endpoints__Https__Url"] = Url.GetLeftPart(UriPartial.Authority),
        ["Kestrel__Endpoints__Https__Certificate__Path"] = Path.Combine(Directory, "server.pem"),
        ["Kestrel__Endpoints__Https__Certificate__KeyPath"] = Path.Combine(Directory, "server-key.pem"),
        ["BizWeb__CertificateAuthority__CertificatePath"] = Path.Combine(Directory, "ca", "ca.pem"),
        ["BizWeb__CertificateAuthority__PrivateKeyPath"] = Path.Combine(Directory, "ca", "ca-key.pem"),
        ["BizWeb__CertificateAuthority__PrivateKeyPassword"] = _caPassword,
        ["BizWeb__CertificateAuthority__CrlDistributionPoint"] = new Uri(Url, "crl/bizweb-ca.crl").ToString(),
        ["BizWeb__Smtp__Host"] = "127.0.0.1",
        ["BizWeb__Smtp__Port"] = _smtp.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["BizWeb__AspNetCore__DispatchInterval"] = "00:00:01",
    };

    private ProcessStartInfo Start(string dll, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = App, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
