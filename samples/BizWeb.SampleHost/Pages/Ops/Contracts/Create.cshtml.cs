using BizWeb.Auth;
using BizWeb.Tokens;
using Microsoft.AspNetCore.Mvc;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Contracts;

/// <summary>
/// Creates a contract (BankOperations.CreateContractAsync) with a registration PIN ① from the CSPRNG and
/// the chosen lockout mode, and optionally issues its customer card; ① and the card are shown in this
/// response only. The services the contract applied for (all of the catalogue unless unticked) are
/// enabled right after (BankOperations.SetContractServicesAsync): 利用者権限設定 can grant only those.
/// </summary>
public sealed class CreateModel(BankOperations operations, CustomerCardIssuance cards) : OpsPageModel
{
    public string? ContractIdInput { get; private set; }

    public LockoutMode LockoutMode { get; private set; } = LockoutMode.Linked;

    public string? CreatedContractId { get; private set; }

    public string? RegistrationPin { get; private set; }

    public CustomerCardPrint? Card { get; private set; }

    public IReadOnlyList<BankService> Catalogue { get; private set; } = [];

    /// <summary>The ticked services: the whole catalogue on a new form, what was posted after an error.</summary>
    public IReadOnlyList<string> SelectedServices { get; private set; } = [];

    /// <summary>The services enabled for the created contract (shown with ①).</summary>
    public IReadOnlyList<string> EnabledServices { get; private set; } = [];

    public void OnGet()
    {
        Catalogue = UserServices.Catalogue(HttpContext.RequestServices);
        SelectedServices = [.. Catalogue.Select(s => s.Id)];
    }

    public async Task<IActionResult> OnPostAsync(string? contractId, string? lockoutMode, bool issueCard, List<string>? services)
    {
        ContractIdInput = contractId;
        Catalogue = UserServices.Catalogue(HttpContext.RequestServices);
        SelectedServices = UserServices.InCatalogueOrder(Catalogue, services);
        if (!Enum.TryParse<LockoutMode>(lockoutMode, ignoreCase: false, out var mode) || !Enum.IsDefined(mode))
        {
            Errors.Add(T("ロック方式を選択してください。", "Choose a lockout mode."));
            return Page();
        }

        LockoutMode = mode;
        var pin = RegistrationPins.New();
        if (!Report(await operations.CreateContractAsync(Operator, contractId, pin, mode, Aborted), T("契約を登録しました。", "The contract was created.")))
        {
            return Page();
        }

        CreatedContractId = contractId;
        RegistrationPin = pin;
        var id = ContractId.Parse(contractId).Value;
        if (Report(await operations.SetContractServicesAsync(Operator, id, SelectedServices, Aborted), T("利用サービスを設定しました。", "The contract's services were enabled.")))
        {
            EnabledServices = SelectedServices;
        }
        if (issueCard)
        {
            var issued = await cards.IssueAsync(id, Operator, Aborted);
            if (Report(issued, T("お客様カードを発行しました。", "The customer card was issued.")))
            {
                Card = issued.Value;
            }
        }

        return Page();
    }
}
