using System.Globalization;
using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Tokens;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Tokens;

/// <summary>
/// The token inventory (HardwareTokenInventory): a page of tokens, a software token whose
/// <c>otpauth://</c> URI is shown in this response only, binding a token in stock to the contract it
/// is shipped to, releasing a token blocked for registration, and unregistering a lost token.
/// </summary>
public sealed class IndexModel(HardwareTokenInventory inventory) : OpsPageModel
{
    public const int PageSize = 50;
    private const string Issuer = "BizWeb";

    public IReadOnlyList<HardwareToken> Tokens { get; private set; } = [];

    /// <summary>The serial numbers of the page that are blocked for registration (too many wrong codes).</summary>
    public IReadOnlySet<string> Blocked { get; private set; } = new HashSet<string>();

    public int Skip { get; private set; }

    public bool HasMore { get; private set; }

    public SoftwareTokenProvisioning? Created { get; private set; }

    public Task OnGetAsync(int skip) => LoadAsync(skip);

    public async Task OnPostCreateSoftwareAsync(string? serialNumber, string? accountName)
    {
        var serial = string.IsNullOrWhiteSpace(serialNumber)
            ? "SW" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture)
            : serialNumber.Trim();
        var account = string.IsNullOrWhiteSpace(accountName) ? serial : accountName.Trim();
        var created = await inventory.CreateSoftwareTokenAsync(serial, Issuer, account, Operator, cancellationToken: Aborted);
        if (Report(created, T("ソフトウェアトークンを作成しました。", "The software token was created.")))
        {
            Created = created.Value;
        }

        await LoadAsync(0);
    }

    public async Task OnPostUnregisterAsync(string? serialNumber, int skip)
    {
        if (string.IsNullOrWhiteSpace(serialNumber))
        {
            Errors.Add(T("シリアル番号を入力してください。", "Enter a serial number."));
        }
        else
        {
            Report(await inventory.UnregisterAsync(serialNumber, Operator, Aborted), T("トークンを登録抹消しました。", "The token was unregistered."));
        }

        await LoadAsync(skip);
    }

    public async Task OnPostBindAsync(string? serialNumber, string? contractId, int skip)
    {
        if (string.IsNullOrWhiteSpace(serialNumber))
        {
            Errors.Add(T("シリアル番号を入力してください。", "Enter a serial number."));
        }
        else if (Parsed(ContractId.Parse(contractId?.Trim()), out var contract))
        {
            Report(await inventory.BindAsync(serialNumber, contract, Operator, Aborted), T($"トークンを契約者ID {contract} に紐付けました。", $"The token was bound to contract {contract}."));
        }

        await LoadAsync(skip);
    }

    public async Task OnPostUnbindAsync(string? serialNumber, int skip)
    {
        if (!string.IsNullOrWhiteSpace(serialNumber))
        {
            Report(await inventory.UnbindAsync(serialNumber, Operator, Aborted), T("トークンの契約先の紐付けを解除しました。", "The token's binding was removed."));
        }

        await LoadAsync(skip);
    }

    public async Task OnPostReleaseAsync(string? serialNumber, int skip)
    {
        if (!string.IsNullOrWhiteSpace(serialNumber))
        {
            Report(await inventory.ReleaseRegistrationBlockAsync(serialNumber, Operator, Aborted), T("トークンの登録停止を解除しました。", "The token's registration block was released."));
        }

        await LoadAsync(skip);
    }

    private async Task LoadAsync(int skip)
    {
        Skip = Math.Max(0, skip);
        var page = await inventory.ListAsync(Skip, PageSize + 1, Aborted);
        HasMore = page.Count > PageSize;
        Tokens = [.. page.Take(PageSize)];
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tokens.Where(t => t.Status == HardwareTokenStatus.InStock))
        {
            if (await inventory.IsRegistrationBlockedAsync(token.SerialNumber, Aborted))
            {
                blocked.Add(token.SerialNumber);
            }
        }

        Blocked = blocked;
    }
}
