namespace BizWeb.SampleHost.Hosting;

/// <summary>The host's settings, read once before the host is built (Kestrel needs them first).</summary>
internal sealed class SampleHostSettings
{
    public SampleHostSettings(SampleHostOptions options)
    {
        Options = options;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    public SampleHostOptions Options { get; }

    public string DataDirectory { get; }

    public string SqlitePath => Path.Combine(DataDirectory, "bizweb.db");

    public string MailDropDirectory => Path.Combine(DataDirectory, "mail");

    public string CaDirectory => Path.Combine(DataDirectory, "ca");

    public bool UsesPostgreSql => string.Equals(Options.Database, "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public Uri SiteUrl => new($"https://{Options.PublicHostName}:{Options.SitePort}/");

    public Uri OperationsUrl => new($"https://{Options.PublicHostName}:{Options.OperationsPort}/ops/");

    /// <summary>
    /// Creates <paramref name="path"/> (or tightens an existing one) readable by this account only:
    /// the data folder holds the SQLite database with the Data Protection key ring, the CA key and the
    /// first operator's sign-in details, so no other local account may list or read it.
    /// </summary>
    public static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(path, OwnerOnly);
        if (File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>Whether a request arrived on the operations console's listener.</summary>
    public bool IsOperationsRequest(HttpContext context) => context.Connection.LocalPort == Options.OperationsPort;
}
