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

    /// <summary>Whether a request arrived on the operations console's listener.</summary>
    public bool IsOperationsRequest(HttpContext context) => context.Connection.LocalPort == Options.OperationsPort;
}
