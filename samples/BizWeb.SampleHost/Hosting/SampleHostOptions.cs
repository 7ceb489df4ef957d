namespace BizWeb.SampleHost.Hosting;

/// <summary>Settings of the sample host itself (section <c>SampleHost</c>); the SDK's own are under <c>BizWeb</c>.</summary>
public sealed class SampleHostOptions
{
    /// <summary>Where the SQLite file, the development CA, the server certificate and the mail drop live.</summary>
    public string DataDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "BizWeb.SampleHost");

    /// <summary><c>Sqlite</c> (default, a file in <see cref="DataDirectory"/>) or <c>PostgreSql</c> (<c>ConnectionStrings:BizWeb</c>).</summary>
    public string Database { get; set; } = "Sqlite";

    /// <summary>The address the customer site listens on; loopback unless you open it on purpose.</summary>
    public string SiteAddress { get; set; } = "localhost";

    /// <summary>The customer site's HTTPS port.</summary>
    public int SitePort { get; set; } = 5001;

    /// <summary>The operations console's address: loopback by default (運用端末 are inside the bank).</summary>
    public string OperationsAddress { get; set; } = "localhost";

    /// <summary>The operations console's HTTPS port.</summary>
    public int OperationsPort { get; set; } = 5002;

    /// <summary>The host name in the server certificate and in the printed URLs.</summary>
    public string PublicHostName { get; set; } = "localhost";

    /// <summary>A PFX for the site's TLS; when empty a localhost certificate is made in <see cref="DataDirectory"/> on first run.</summary>
    public string? ServerCertificatePath { get; set; }

    /// <summary>The password of <see cref="ServerCertificatePath"/>.</summary>
    public string? ServerCertificatePassword { get; set; }

    /// <summary>
    /// Test mode only: the host runs on a controllable clock that the operations console can move
    /// forward (for the 15-minute cooldown test). Never enable it for real use.
    /// </summary>
    public bool TestClock { get; set; }
}
