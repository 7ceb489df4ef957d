using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The stored form of a <see cref="Contract"/>; instants are UTC ticks so they round-trip exactly on every provider.</summary>
internal sealed class ContractRow
{
    public required string Id { get; set; }

    public int LockoutMode { get; set; }

    public int State { get; set; }

    public required string RegistrationPinHash { get; set; }

    public string? AdminLoginPinHash { get; set; }

    public string? AdminConfirmationPinHash { get; set; }

    public string? AdminEmail { get; set; }

    public bool AccidentRegistered { get; set; }

    public required string SecurityStamp { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>The concurrency token: an update matches only the version it was read with.</summary>
    public long Version { get; set; }

    public static ContractRow From(Contract contract) => new()
    {
        Id = contract.Id.ToString(),
        LockoutMode = (int)contract.LockoutMode,
        State = (int)contract.State,
        RegistrationPinHash = contract.RegistrationPinHash,
        AdminLoginPinHash = contract.AdminLoginPinHash,
        AdminConfirmationPinHash = contract.AdminConfirmationPinHash,
        AdminEmail = contract.AdminEmail,
        AccidentRegistered = contract.AccidentRegistered,
        SecurityStamp = contract.SecurityStamp,
        CreatedAt = Ticks.From(contract.CreatedAt),
        Version = contract.Version,
    };

    public Contract ToContract() => new()
    {
        Id = StoredIds.Contract(Id),
        LockoutMode = (LockoutMode)LockoutMode,
        State = (ContractState)State,
        RegistrationPinHash = RegistrationPinHash,
        AdminLoginPinHash = AdminLoginPinHash,
        AdminConfirmationPinHash = AdminConfirmationPinHash,
        AdminEmail = AdminEmail,
        AccidentRegistered = AccidentRegistered,
        SecurityStamp = SecurityStamp,
        CreatedAt = Ticks.ToInstant(CreatedAt),
        Version = Version,
    };
}
