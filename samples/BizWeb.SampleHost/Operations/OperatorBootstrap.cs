using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// First run: with no operator in the directory, creates <c>operator1</c> with a CSPRNG password and
/// TOTP seed and writes both once to <c>first-operator.txt</c> in the owner-only data folder (never to
/// standard output, which ends up in logs), one stable line each (tests parse them):
/// <code>
/// operator: operator1
/// operator password: …
/// operator totp: otpauth://totp/…
/// </code>
/// Only the password's PHC hash and the seed's <see cref="ISecretProtector"/> ciphertext are kept, so
/// a second run cannot print them again. Runs as a hosted service: after the migrations (the Data
/// Protection key ring is in the database) and before the listeners open.
/// <para>
/// When every operator is locked nobody can unlock another from the console; whoever can restart the
/// host can: <c>--Operations:UnlockOperator=&lt;id&gt;</c> clears that operator's failures at start (audited).
/// </para>
/// </summary>
internal sealed class OperatorBootstrap(
    OperatorDirectory directory,
    IPinHasher hasher,
    ISecretProtector protector,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IConfiguration configuration,
    Hosting.SampleHostSettings settings,
    ILogger<OperatorBootstrap> logger) : IHostedService
{
    /// <summary>The owner-only file the first operator's sign-in details are written to, once.</summary>
    public const string FirstOperatorFile = "first-operator.txt";

    public const string FirstOperatorId = "operator1";
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const int PasswordLength = 20;

    public const string UnlockSetting = "Operations:UnlockOperator";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration[UnlockSetting] is { Length: > 0 } unlock && directory.Find(unlock) is not null)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OperatorSignIn>().UnlockAsync(unlock, AuditActor.BankOperator("startup"), cancellationToken);
        }

        if (directory.List().Count > 0)
        {
            return;
        }

        var password = new string(RandomNumberGenerator.GetItems<char>(PasswordAlphabet, PasswordLength));
        var seed = OperatorSignIn.NewSeed();
        string uri;
        OperatorRecord record;
        try
        {
            record = new OperatorRecord
            {
                Id = FirstOperatorId,
                PasswordHash = hasher.HashPin(password),
                ProtectedTotpSeed = Convert.ToBase64String(protector.Protect(seed, OperatorSignIn.SeedPurpose)),
                CreatedAt = time.GetUtcNow(),
            };
            uri = OperatorSignIn.ProvisioningUri(seed, FirstOperatorId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }

        if (!directory.TryCreate([record]))
        {
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OperatorAudit>().AppendAsync(
                AuditActor.BankOperator("bootstrap"), "OperatorCreated", AuditOutcome.Succeeded, $"operator {FirstOperatorId}", cancellationToken: cancellationToken);
        }

        // Not to standard output: under systemd, Docker or Kubernetes that ends up in the logs. The
        // details go to an owner-only file in the owner-only data folder; delete it once read.
        var path = Path.Combine(settings.DataDirectory, FirstOperatorFile);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(path, System.Text.Encoding.UTF8, file))
        {
            await writer.WriteAsync($"operator: {FirstOperatorId}\noperator password: {password}\noperator totp: {uri}\n");
        }

        OperationsLog.OperatorCreated(logger, FirstOperatorId, directory.FilePath, path);

        Console.WriteLine($"operations console: the first operator's sign-in details were written to {path} (owner-only); read them once, then delete the file.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
