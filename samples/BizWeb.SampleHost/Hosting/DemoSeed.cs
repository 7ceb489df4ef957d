using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BizWeb.Auth;
using BizWeb.Tokens;

namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// <c>--demo</c>: a demo contract for an evaluator to walk the manual with, created once. Its secrets
/// (registration PIN, customer card, the demo token's seed as an otpauth URI for a phone
/// authenticator) are made with the CSPRNG and printed to the console once; they are stored only as
/// hashes and ciphertext, so a second run cannot print them again.
/// </summary>
internal static class DemoSeed
{
    public const string ContractIdText = "12345678901";

    public static async Task RunAsync(IServiceProvider services, SampleHostSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var actor = await provider.GetRequiredService<BankOperatorAuthentication>().AuthenticateAsync(Operations.OperatorAuthenticator.StartupTask("demo-seed"), cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("The host's operator authenticator refused the demo seed.");
        var contractId = ContractId.Parse(ContractIdText).Value;
        if (await provider.GetRequiredService<IContractStore>().FindAsync(contractId, cancellationToken) is not null)
        {
            Console.WriteLine($"--demo: contract {ContractIdText} exists already; its secrets were printed when it was made. " +
                              $"Reset its registration PIN or issue a new card from the operations console ({settings.OperationsUrl}).");
            return;
        }

        var registrationPin = RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var created = await provider.GetRequiredService<BankOperations>().CreateContractAsync(actor, ContractIdText, registrationPin, LockoutMode.Linked, cancellationToken);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The demo contract could not be created ({created.ErrorCode}).");
        }

        // The demo contract applied for everything the bank offers, so every grant of 管理者4-2 h. works.
        var catalogue = Pages.UserServices.Catalogue(provider);
        var enabled = await provider.GetRequiredService<BankOperations>().SetContractServicesAsync(actor, contractId, [.. catalogue.Select(s => s.Id)], cancellationToken);
        if (!enabled.Succeeded)
        {
            throw new InvalidOperationException($"The demo contract's services could not be enabled ({enabled.ErrorCode}).");
        }

        var card = await provider.GetRequiredService<CustomerCardIssuance>().IssueAsync(contractId, actor, cancellationToken);
        var serial = "DEMO" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var token = await provider.GetRequiredService<HardwareTokenInventory>().CreateSoftwareTokenAsync(serial, "BizWeb sample", ContractIdText, actor, cancellationToken: cancellationToken);
        if (!card.Succeeded || !token.Succeeded)
        {
            throw new InvalidOperationException($"The demo card or token could not be made ({card.ErrorCode ?? token.ErrorCode}).");
        }

        var grid = new StringBuilder();
        foreach (var position in CustomerCardPositions.All)
        {
            grid.Append(CultureInfo.InvariantCulture, $"{CustomerCardPositions.GetLabel(position)} {card.Value.GetValue(position)}   ");
        }

        Console.WriteLine($"""

            ── demo contract (printed once; keep it) ─────────────────────────────────────────
              契約者ID (contract id)              {ContractIdText}
              ご契約先暗証番号 ① (registration PIN) {registrationPin}
              お客様カード (customer card)          {grid.ToString().TrimEnd()}
              demo token serial                   {token.Value.SerialNumber}
              demo token (add to an authenticator app as the hardware token):
                {token.Value.Uri}
              walk-through: {settings.SiteUrl}  →  開通確認 (admin activation), then follow the manual.
            ──────────────────────────────────────────────────────────────────────────────────
            """);
    }
}
