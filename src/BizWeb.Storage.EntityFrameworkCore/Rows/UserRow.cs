using System.Text.Json;
using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The stored form of a <see cref="User"/>; the granted services are a JSON array.</summary>
internal sealed class UserRow
{
    public required string ContractId { get; set; }

    public required string UserId { get; set; }

    public required string NameKana { get; set; }

    public string? NameKanji { get; set; }

    public required string LoginPinHash { get; set; }

    public required string ConfirmationPinHash { get; set; }

    public string? Email { get; set; }

    public bool IssueCertificate { get; set; }

    public required string GrantedServices { get; set; }

    /// <summary>The user's limits per service as a JSON object; <see langword="null"/> for none (rows from before the transactions migration).</summary>
    public string? ServiceLimits { get; set; }

    public int State { get; set; }

    public long? ActivatedAt { get; set; }

    public bool AccidentRegistered { get; set; }

    public long? DeletedAt { get; set; }

    public required string SecurityStamp { get; set; }

    public long CreatedAt { get; set; }

    public long Version { get; set; }

    public static UserRow From(User user) => new()
    {
        ContractId = user.ContractId.ToString(),
        UserId = user.Id.ToString(),
        NameKana = user.NameKana,
        NameKanji = user.NameKanji,
        LoginPinHash = user.LoginPinHash,
        ConfirmationPinHash = user.ConfirmationPinHash,
        Email = user.Email,
        IssueCertificate = user.IssueCertificate,
        GrantedServices = JsonSerializer.Serialize(user.GrantedServices, StorageJson.Default.IReadOnlyListString),
        ServiceLimits = user.ServiceLimits.Count == 0 ? null : JsonSerializer.Serialize(new Dictionary<string, TransferLimit>(user.ServiceLimits, StringComparer.Ordinal), TransactionJson.Default.DictionaryStringTransferLimit),
        State = (int)user.State,
        ActivatedAt = Ticks.From(user.ActivatedAt),
        AccidentRegistered = user.AccidentRegistered,
        DeletedAt = Ticks.From(user.DeletedAt),
        SecurityStamp = user.SecurityStamp,
        CreatedAt = Ticks.From(user.CreatedAt),
        Version = user.Version,
    };

    public User ToUser() => new()
    {
        ContractId = StoredIds.Contract(ContractId),
        Id = StoredIds.User(UserId),
        NameKana = NameKana,
        NameKanji = NameKanji,
        LoginPinHash = LoginPinHash,
        ConfirmationPinHash = ConfirmationPinHash,
        Email = Email,
        IssueCertificate = IssueCertificate,
        GrantedServices = JsonSerializer.Deserialize(GrantedServices, StorageJson.Default.IReadOnlyListString) ?? [],
        ServiceLimits = ServiceLimits is null
            ? new Dictionary<string, TransferLimit>(StringComparer.Ordinal)
            : new Dictionary<string, TransferLimit>(JsonSerializer.Deserialize(ServiceLimits, TransactionJson.Default.DictionaryStringTransferLimit) ?? [], StringComparer.Ordinal),
        State = (UserState)State,
        ActivatedAt = Ticks.ToInstant(ActivatedAt),
        AccidentRegistered = AccidentRegistered,
        DeletedAt = Ticks.ToInstant(DeletedAt),
        SecurityStamp = SecurityStamp,
        CreatedAt = Ticks.ToInstant(CreatedAt),
        Version = Version,
    };
}
