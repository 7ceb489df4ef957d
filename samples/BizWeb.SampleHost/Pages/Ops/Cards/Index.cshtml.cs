using BizWeb.Auth;
using BizWeb.Tokens;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Cards;

/// <summary>
/// Issues or reissues a contract's customer card (CustomerCardIssuance.IssueAsync; the old card dies)
/// and shows the printable card in this response only: the SDK keeps the values encrypted and never
/// hands them out again.
/// </summary>
public sealed class IndexModel(CustomerCardIssuance issuance) : OpsPageModel
{
    public string? ContractIdInput { get; private set; }

    public CustomerCardPrint? Card { get; private set; }

    public void OnGet(string? contractId) => ContractIdInput = contractId;

    public async Task OnPostAsync(string? contractId)
    {
        ContractIdInput = contractId;
        if (!Parsed(ContractId.Parse(contractId), out var id))
        {
            return;
        }

        var issued = await issuance.IssueAsync(id, Operator, Aborted);
        if (Report(issued, T("お客様カードを発行しました。", "The customer card was issued.")))
        {
            Card = issued.Value;
        }
    }
}
