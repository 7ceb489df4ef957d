using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Users;

/// <summary>
/// The fields of 管理者4-2 that are not PINs (a. b. c. f. g. h. i.), as bound from the form and shown again
/// after an error. PINs are never bound into it, so they are never written back into a page.
/// </summary>
public sealed class UserForm
{
    public string? UserId { get; set; }

    public string? NameKana { get; set; }

    public string? NameKanji { get; set; }

    public string? Email { get; set; }

    public bool IssueCertificate { get; set; } = true;

    public List<string> Services { get; set; } = [];

    /// <summary>i. 限度額設定 by service id, as typed (<c>Form.Limits[Transfers].PerTransfer</c>).</summary>
    public Dictionary<string, LimitInput> Limits { get; set; } = new(StringComparer.Ordinal);

    public static UserForm Of(UserSummary user) => new()
    {
        UserId = user.UserId.ToString(),
        NameKana = user.NameKana,
        NameKanji = user.NameKanji,
        Email = user.Email,
        IssueCertificate = user.IssueCertificate,
        Services = [.. user.GrantedServices],
        Limits = user.ServiceLimits.ToDictionary(l => l.Key, l => LimitInput.Of(l.Value), StringComparer.Ordinal),
    };

    /// <summary>
    /// i. 限度額設定 of the granted services (a service not granted cannot have a limit, so what was
    /// typed for it is ignored). False with an error per wrong field: the form comes back, nothing is saved.
    /// </summary>
    public bool TryReadLimits(IReadOnlyList<BankService> catalogue, List<string> errors, out IReadOnlyDictionary<string, TransferLimit> limits)
    {
        var read = new Dictionary<string, TransferLimit>(StringComparer.Ordinal);
        var valid = true;
        foreach (var service in catalogue.Where(s => Services.Contains(s.Id)))
        {
            if (Limits.TryGetValue(service.Id, out var input) && !input.IsEmpty)
            {
                valid &= input.TryRead(UserServices.Name(service), errors, out var limit);
                read[service.Id] = limit;
            }
        }

        limits = read;
        return valid;
    }

    public UserRegistration ToRegistration(IReadOnlyList<BankService> catalogue, IReadOnlyDictionary<string, TransferLimit> limits, string? temporaryLoginPin, string? temporaryConfirmationPin) => new()
    {
        UserId = UserId,
        NameKana = NameKana,
        NameKanji = NameKanji,
        Email = Email,
        TemporaryLoginPin = temporaryLoginPin,
        TemporaryConfirmationPin = temporaryConfirmationPin,
        IssueCertificate = IssueCertificate,
        GrantedServices = UserServices.Known(catalogue, Services),
        ServiceLimits = limits,
    };

    public UserChange ToChange(IReadOnlyList<BankService> catalogue, IReadOnlyDictionary<string, TransferLimit> limits) => new()
    {
        NameKana = NameKana,
        NameKanji = NameKanji,
        Email = Email,
        IssueCertificate = IssueCertificate,
        GrantedServices = UserServices.Known(catalogue, Services),
        ServiceLimits = limits,
    };
}
