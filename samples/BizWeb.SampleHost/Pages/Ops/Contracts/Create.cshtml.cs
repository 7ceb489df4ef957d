using BizWeb.Auth;
using BizWeb.Tokens;
using Microsoft.AspNetCore.Mvc;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Contracts;

/// <summary>
/// Creates a contract (BankOperations.CreateContractAsync) with a registration PIN ① from the CSPRNG and
/// the chosen lockout mode, and optionally issues its customer card; ① and the card are shown in this
/// response only.
/// </summary>
public sealed class CreateModel(BankOperations operations, CustomerCardIssuance cards) : OpsPageModel
{
    public string? ContractIdInput { get; private set; }

    public LockoutMode LockoutMode { get; private set; } = LockoutMode.Linked;

    public string? CreatedContractId { get; private set; }

    public string? RegistrationPin { get; private set; }

    public CustomerCardPrint? Card { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? contractId, string? lockoutMode, bool issueCard)
    {
        ContractIdInput = contractId;
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
        if (issueCard)
        {
            var issued = await cards.IssueAsync(ContractId.TryParse(contractId).Value, Operator, Aborted);
            if (Report(issued, T("お客様カードを発行しました。", "The customer card was issued.")))
            {
                Card = issued.Value;
            }
        }

        return Page();
    }
}
