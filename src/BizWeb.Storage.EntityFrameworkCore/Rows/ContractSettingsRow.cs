using System.Text.Json;
using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The stored form of <see cref="ContractSettings"/>; lists are JSON, the file-transfer credentials a PHC hash and a ciphertext.</summary>
internal sealed class ContractSettingsRow
{
    public required string ContractId { get; set; }

    public required string EnabledServices { get; set; }

    public required string DebitAccounts { get; set; }

    public long? ContractPerTransfer { get; set; }

    public long? ContractPerDay { get; set; }

    public string? PayeeBorneFees { get; set; }

    public string? ZenginPasswordHash { get; set; }

    public byte[]? ProtectedFileAccessKey { get; set; }

    public long Version { get; set; }

    public static ContractSettingsRow From(ContractSettings settings) => new()
    {
        ContractId = settings.ContractId.ToString(),
        EnabledServices = JsonSerializer.Serialize(settings.EnabledServices, StorageJson.Default.IReadOnlyListString),
        DebitAccounts = JsonSerializer.Serialize(settings.DebitAccounts, TransactionJson.Default.IReadOnlyListDebitAccount),
        ContractPerTransfer = settings.ContractLimit.PerTransfer,
        ContractPerDay = settings.ContractLimit.PerDay,
        PayeeBorneFees = settings.PayeeBorneFees is null ? null : JsonSerializer.Serialize(settings.PayeeBorneFees, TransactionJson.Default.IReadOnlyListFeeBand),
        ZenginPasswordHash = settings.ZenginPasswordHash,
        ProtectedFileAccessKey = settings.ProtectedFileAccessKey,
        Version = settings.Version,
    };

    public ContractSettings ToSettings() => new()
    {
        ContractId = StoredIds.Contract(ContractId),
        EnabledServices = JsonSerializer.Deserialize(EnabledServices, StorageJson.Default.IReadOnlyListString) ?? [],
        DebitAccounts = JsonSerializer.Deserialize(DebitAccounts, TransactionJson.Default.IReadOnlyListDebitAccount) ?? [],
        ContractLimit = new TransferLimit(ContractPerTransfer, ContractPerDay),
        PayeeBorneFees = PayeeBorneFees is null ? null : JsonSerializer.Deserialize(PayeeBorneFees, TransactionJson.Default.IReadOnlyListFeeBand),
        ZenginPasswordHash = ZenginPasswordHash,
        ProtectedFileAccessKey = ProtectedFileAccessKey,
        Version = Version,
    };
}
