using BizWeb.Auth;
using BizWeb.SampleHost.Operations;
using Microsoft.AspNetCore.Mvc;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Contracts;

/// <summary>
/// Looks a contract up by id and acts on it: reset ① (a new CSPRNG PIN shown once), unlock the
/// contract or a user, register or clear an accident on the contract or a user, cancel an activation
/// in progress, change the services enabled for the contract. Every action goes through
/// <see cref="BankOperations"/> with the operator as the actor.
/// </summary>
public sealed class IndexModel(BankOperations operations, IContractSettingsStore settings) : OpsPageModel
{
    public string? ContractIdInput { get; private set; }

    public ContractView? View { get; private set; }

    public string? NewRegistrationPin { get; private set; }

    public IReadOnlyList<BankService> Catalogue { get; private set; } = [];

    /// <summary>The catalogue ids of the services the bank enabled for the contract.</summary>
    public IReadOnlyList<string> EnabledServices { get; private set; } = [];

    public async Task OnGetAsync(string? contractId)
    {
        ContractIdInput = contractId;
        if (string.IsNullOrEmpty(contractId) || !Parsed(ContractId.Parse(contractId), out var id))
        {
            return;
        }

        await Service<OperatorAudit>().AppendAsync(Operator.Actor, "ContractViewed", AuditOutcome.Succeeded, subject: PrincipalId.Administrator(id), cancellationToken: Aborted);
        await LoadAsync(id);
    }

    public Task<IActionResult> OnPostResetPinAsync(string? contractId) => ActAsync(contractId, async id =>
    {
        var pin = RegistrationPins.New();
        if (Report(await operations.ResetRegistrationPinAsync(Operator, id, pin, Aborted), T("ご契約先登録用暗証番号①を再設定しました。", "Registration PIN ① was reset.")))
        {
            NewRegistrationPin = pin;
        }
    });

    public Task<IActionResult> OnPostUnlockAsync(string? contractId) => ActAsync(contractId, async id =>
        Report(await operations.UnlockContractAsync(Operator, id, Aborted), T("契約のロックを解除しました。管理者は開通確認からやり直します。", "The contract was unlocked; the administrator activates again.")));

    public Task<IActionResult> OnPostCancelActivationAsync(string? contractId) => ActAsync(contractId, async id =>
        Report(await operations.CancelActivationAsync(Operator, id, Aborted), T("進行中の開通確認を取り消しました。", "The activation in progress was cancelled.")));

    public Task<IActionResult> OnPostAccidentAsync(string? contractId, string? userId, bool register) => ActAsync(contractId, async id =>
    {
        UserId? user = null;
        if (!string.IsNullOrEmpty(userId))
        {
            if (!Parsed(UserId.Parse(userId), out var parsed))
            {
                return;
            }

            user = parsed;
        }

        var result = register
            ? await operations.RegisterAccidentAsync(Operator, id, user, Aborted)
            : await operations.ClearAccidentAsync(Operator, id, user, Aborted);
        Report(result, register ? T("事故登録しました。", "The accident was registered.") : T("事故登録を解除しました。", "The accident was cleared."));
    });

    public Task<IActionResult> OnPostUnlockUserAsync(string? contractId, string? userId) => ActAsync(contractId, async id =>
    {
        if (Parsed(UserId.Parse(userId), out var user))
        {
            Report(await operations.UnlockUserAsync(Operator, id, user, Aborted), T("利用者のロックを解除しました。", "The user was unlocked."));
        }
    });

    /// <summary>Replaces the contract's services; withdrawing one keeps users' grants but makes them unusable.</summary>
    public Task<IActionResult> OnPostServicesAsync(string? contractId, List<string>? services) => ActAsync(contractId, async id =>
        Report(await operations.SetContractServicesAsync(Operator, id, UserServices.InCatalogueOrder(UserServices.Catalogue(HttpContext.RequestServices), services), Aborted), T("利用サービスを変更しました。", "The contract's services were changed.")));

    private async Task<IActionResult> ActAsync(string? contractId, Func<ContractId, Task> action)
    {
        ContractIdInput = contractId;
        if (Parsed(ContractId.Parse(contractId), out var id))
        {
            await action(id);
            await LoadAsync(id);
        }

        return Page();
    }

    private async Task LoadAsync(ContractId id)
    {
        View = await ContractViews.LoadAsync(HttpContext.RequestServices, id, Clock.GetUtcNow(), Aborted);
        Catalogue = UserServices.Catalogue(HttpContext.RequestServices);
        EnabledServices = (await settings.FindAsync(id, Aborted))?.EnabledServices ?? [];
        if (View is null)
        {
            Errors.Add(MessageCatalog.Get(MessageCode.ContractNotFound).GetText(System.Globalization.CultureInfo.CurrentUICulture));
        }
    }
}
