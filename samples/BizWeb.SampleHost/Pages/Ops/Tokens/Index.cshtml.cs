using System.Globalization;
using System.Security.Cryptography;
using BizWeb.Tokens;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Tokens;

/// <summary>
/// The token inventory (HardwareTokenInventory): a page of tokens, a software token whose
/// <c>otpauth://</c> URI is shown in this response only, and unregistering a lost token.
/// </summary>
public sealed class IndexModel(HardwareTokenInventory inventory) : OpsPageModel
{
    public const int PageSize = 50;
    private const string Issuer = "BizWeb";

    public IReadOnlyList<HardwareToken> Tokens { get; private set; } = [];

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

    private async Task LoadAsync(int skip)
    {
        Skip = Math.Max(0, skip);
        var page = await inventory.ListAsync(Skip, PageSize + 1, Aborted);
        HasMore = page.Count > PageSize;
        Tokens = [.. page.Take(PageSize)];
    }
}
