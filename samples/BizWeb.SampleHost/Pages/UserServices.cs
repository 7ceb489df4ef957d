using BizWeb.Auth;
using Microsoft.Extensions.Options;

namespace BizWeb.SampleHost.Pages;

/// <summary>
/// The bank's service catalogue as the SDK has it configured (<c>BizWeb:Transactions:Services</c>;
/// empty = <see cref="BankServices.DefaultCatalogue"/>, the rule the SDK applies itself). The console
/// enables services per contract from it, 管理者4-2 h. 利用者権限設定 grants them per user, and screens
/// name granted services with it. The SDK keeps its effective catalogue internal, so the host applies
/// the same documented rule to the public options.
/// </summary>
public static class UserServices
{
    /// <summary>The catalogue in effect, in its configured order.</summary>
    public static IReadOnlyList<BankService> Catalogue(IServiceProvider services)
    {
        var transactions = services.GetRequiredService<IOptions<BizWebOptions>>().Value.Transactions;
        return transactions.Services is { Count: > 0 } configured ? configured : BankServices.DefaultCatalogue();
    }

    /// <summary>A service's name in the page's language.</summary>
    public static string Name(BankService service) => SiteText.T(service.NameJa, service.NameEn);

    /// <summary>The name of a service id in the page's language (the id itself when the catalogue no longer has it).</summary>
    public static string NameOf(IReadOnlyList<BankService> catalogue, string id) =>
        catalogue.FirstOrDefault(s => s.Id == id) is { } service ? Name(service) : id;

    /// <summary>Ids in catalogue order, each once; ids the catalogue lacks stay at the end for the SDK to refuse (ServiceUnknown).</summary>
    public static List<string> InCatalogueOrder(IReadOnlyList<BankService> catalogue, IEnumerable<string>? ids)
    {
        var posted = ids?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        return [.. Known(catalogue, posted), .. posted.Where(id => !catalogue.Any(s => s.Id == id))];
    }

    /// <summary>Only ids of the catalogue, each once, in catalogue order: a forged form cannot name an unknown service.</summary>
    public static List<string> Known(IReadOnlyList<BankService> catalogue, IEnumerable<string>? ids)
    {
        var posted = ids?.ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. catalogue.Select(s => s.Id).Where(posted.Contains)];
    }
}
