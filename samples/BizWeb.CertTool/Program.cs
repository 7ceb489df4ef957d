using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using BizWeb.CertTool;

var algorithm = new Option<string>("--algorithm", "-a")
{
    Description = "Key algorithm made on this machine: p256 (default), p384 or rsa3072.",
    DefaultValueFactory = _ => "p256",
};
algorithm.AcceptOnlyFromAmong("p256", "p384", "rsa3072");
var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the files written.", DefaultValueFactory = _ => new DirectoryInfo(".") };

// enroll: the manual's 管理者2-1 … 2-4 and 利用者6-1 … 6-6 from the command line.
var server = new Option<string>("--server", "-s") { Description = "The bank's BizWeb host, e.g. https://ib.example-shinkin.jp/", Required = true };
var contract = new Option<string>("--contract-id", "-c") { Description = "契約者ID (11 digits, printed on the customer card).", Required = true };
var user = new Option<string?>("--user-id", "-u") { Description = "利用者ID; omit to enroll the administrator." };
var serverCa = new Option<FileInfo?>("--server-ca") { Description = "PEM file of the certificate (or CA) to trust for the server's TLS instead of the system roots: a bank's private CA, or the sample host's localhost certificate." };
var secretsFromStdin = new Option<bool>("--secrets-stdin") { Description = "Read the PIN, the one-time password and the PKCS#12 password as lines from standard input instead of prompting." };
var enroll = new Command("enroll", "Obtain a client certificate: makes the key pair here, asks for the PIN and the one-time password, writes certificate.pem and certificate.p12.")
{
    server, contract, user, algorithm, outDir, secretsFromStdin, serverCa,
};
enroll.SetAction((parse, ct) => EnrollAsync(
    parse.GetValue(server)!, parse.GetValue(contract)!, parse.GetValue(user), parse.GetValue(algorithm)!, parse.GetValue(outDir)!, parse.GetValue(secretsFromStdin), parse.GetValue(serverCa)?.FullName, ct));

// request: offline, for a host that takes requests another way.
var request = new Command("request", "Make a key pair and a PKCS#10 request (request.pem) here; the key is written encrypted (key.pem) with a password you type.")
{
    algorithm, outDir, secretsFromStdin,
};
request.SetAction(parse => WriteRequest(parse.GetValue(algorithm)!, parse.GetValue(outDir)!, parse.GetValue(secretsFromStdin)));

var root = new RootCommand("bizweb-cert: the cross-platform certificate client of BizWeb (replaces ShinkinIBCertTool.exe). Exit codes: 0 ok, 1 usage, 2 refused by the server, 3 server unreachable, 4 file problem, 5 cancelled.")
{
    enroll, request,
};
return await root.Parse(args).InvokeAsync();

static async Task<int> EnrollAsync(string serverText, string contractId, string? userId, string algorithm, DirectoryInfo outDir, bool stdin, string? serverCaPath, CancellationToken ct)
{
    // PINs travel to the server: https only, except plain http to this machine (a development host, the tests).
    if (!Uri.TryCreate(serverText.EndsWith('/') ? serverText : serverText + "/", UriKind.Absolute, out var server)
        || !(server.Scheme == Uri.UriSchemeHttps || (server.Scheme == Uri.UriSchemeHttp && server.IsLoopback)))
    {
        Console.Error.WriteLine("error: --server must be an absolute https URL (plain http is allowed to localhost only).");
        return ExitCodes.Usage;
    }

    var certificatePath = Path.Combine(outDir.FullName, "certificate.pem");
    var pkcs12Path = Path.Combine(outDir.FullName, "certificate.p12");
    if (File.Exists(certificatePath) || File.Exists(pkcs12Path))
    {
        Console.Error.WriteLine($"error: {certificatePath} or {pkcs12Path} exists already; choose another --out folder.");
        return ExitCodes.LocalFile;
    }

    HttpMessageHandler handler;
    try
    {
        handler = ServerTrust.CreateHandler(serverCaPath);
    }
    catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException)
    {
        Console.Error.WriteLine($"error: --server-ca could not be read ({ex.GetType().Name}).");
        return ExitCodes.LocalFile;
    }

    using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
    var client = new EnrollmentClient(http);
    try
    {
        var pin = Secrets.Read(userId is null ? "ご契約先暗証番号 (login PIN): " : "利用者暗証番号 (login PIN): ", stdin);
        if (string.IsNullOrEmpty(pin))
        {
            return ExitCodes.Cancelled;
        }

        EnrollmentClient.Answer ticket;
        if (userId is null)
        {
            var begun = await client.BeginAdminAsync(contractId, pin, ct);
            if (begun.Failed)
            {
                return Refused(begun);
            }

            var answer = Secrets.Read($"お客様カード {string.Join(" ", begun.Prompts ?? [])}: ", stdin);
            ticket = await client.CompleteAdminAsync(begun.Handle!, answer ?? string.Empty, ct);
        }
        else
        {
            var begun = await client.BeginUserAsync(contractId, userId, pin, ct);
            if (begun.Failed)
            {
                return Refused(begun);
            }

            var otp = Secrets.Read("ワンタイムパスワード (token): ", stdin);
            ticket = await client.CompleteUserAsync(begun.Handle!, otp ?? string.Empty, ct);
        }

        if (ticket.Failed)
        {
            return Refused(ticket);
        }

        using var key = KeyMaterial.Create(algorithm);
        var issued = await client.IssueAsync(ticket.Ticket!, KeyMaterial.Request(key), ct);
        if (issued.Failed)
        {
            return Refused(issued);
        }

        var password = Secrets.NewPassword(stdin);
        if (password is null)
        {
            Console.Error.WriteLine("error: no PKCS#12 password, or the two entries differ; nothing written. The certificate is issued: run enroll again to get a new one.");
            return ExitCodes.Cancelled;
        }

        Directory.CreateDirectory(outDir.FullName);
        KeyMaterial.WriteNew(certificatePath, Encoding.ASCII.GetBytes(issued.Certificate!));
        KeyMaterial.WriteNew(pkcs12Path, KeyMaterial.Pkcs12(issued.Certificate!, key, password, issued.CaCertificate));
        Console.WriteLine($"Wrote {certificatePath} and {pkcs12Path}. Import the .p12 file into your browser with the password you chose.");
        return ExitCodes.Success;
    }
    catch (HttpRequestException e)
    {
        Console.Error.WriteLine($"error: the server could not be reached or answered unexpectedly: {e.Message}");
        return ExitCodes.Unreachable;
    }
    catch (TaskCanceledException) when (!ct.IsCancellationRequested)
    {
        Console.Error.WriteLine("error: the server did not answer in time.");
        return ExitCodes.Unreachable;
    }
    catch (OperationCanceledException)
    {
        return ExitCodes.Cancelled;
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return ExitCodes.LocalFile;
    }
}

static int WriteRequest(string algorithm, DirectoryInfo outDir, bool stdin)
{
    var keyPath = Path.Combine(outDir.FullName, "key.pem");
    var requestPath = Path.Combine(outDir.FullName, "request.pem");
    var password = Secrets.NewPassword(stdin);
    if (password is null)
    {
        Console.Error.WriteLine("error: no password, or the two entries differ; nothing written.");
        return ExitCodes.Cancelled;
    }

    try
    {
        Directory.CreateDirectory(outDir.FullName);
        using var key = KeyMaterial.Create(algorithm);
        var pem = key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 600_000));
        KeyMaterial.WriteNew(keyPath, Encoding.ASCII.GetBytes(pem + "\n"));
        KeyMaterial.WriteNew(requestPath, Encoding.ASCII.GetBytes(KeyMaterial.Request(key) + "\n"));
        Console.WriteLine($"Wrote {keyPath} (encrypted) and {requestPath}.");
        return ExitCodes.Success;
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return ExitCodes.LocalFile;
    }
}

static int Refused(EnrollmentClient.Answer answer)
{
    // The server's message is the catalogue's text (ja/en); the code is stable (BizWeb.Auth.MessageCode).
    Console.Error.WriteLine($"error {answer.Code}: {answer.Message}");
    return ExitCodes.Refused;
}
