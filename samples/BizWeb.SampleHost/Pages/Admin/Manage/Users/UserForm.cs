using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Users;

/// <summary>
/// The fields of 管理者4-2 that are not PINs (a. b. c. f. g. h.), as bound from the form and shown again
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

    public static UserForm Of(UserSummary user) => new()
    {
        UserId = user.UserId.ToString(),
        NameKana = user.NameKana,
        NameKanji = user.NameKanji,
        Email = user.Email,
        IssueCertificate = user.IssueCertificate,
        Services = [.. user.GrantedServices],
    };

    public UserRegistration ToRegistration(IReadOnlyList<BankService> catalogue, string? temporaryLoginPin, string? temporaryConfirmationPin) => new()
    {
        UserId = UserId,
        NameKana = NameKana,
        NameKanji = NameKanji,
        Email = Email,
        TemporaryLoginPin = temporaryLoginPin,
        TemporaryConfirmationPin = temporaryConfirmationPin,
        IssueCertificate = IssueCertificate,
        GrantedServices = UserServices.Known(catalogue, Services),
    };

    public UserChange ToChange(IReadOnlyList<BankService> catalogue) => new()
    {
        NameKana = NameKana,
        NameKanji = NameKanji,
        Email = Email,
        IssueCertificate = IssueCertificate,
        GrantedServices = UserServices.Known(catalogue, Services),
    };
}
