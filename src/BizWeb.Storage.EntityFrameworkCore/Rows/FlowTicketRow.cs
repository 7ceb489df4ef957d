using System.Text.Json;
using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The stored form of a <see cref="FlowTicket"/>: only the handle's hash, and the flow's values as a JSON object.</summary>
internal sealed class FlowTicketRow
{
    public Guid Id { get; set; }

    public required string HandleHash { get; set; }

    public int Purpose { get; set; }

    public required string ContractId { get; set; }

    public string? UserId { get; set; }

    public int Step { get; set; }

    public long StartedAt { get; set; }

    public long LastStepAt { get; set; }

    public long ExpiresAt { get; set; }

    public bool Completed { get; set; }

    public required string Values { get; set; }

    public long Version { get; set; }

    public static FlowTicketRow From(FlowTicket ticket) => new()
    {
        Id = ticket.Id,
        HandleHash = ticket.HandleHash,
        Purpose = (int)ticket.Purpose,
        ContractId = ticket.Principal.ContractId.ToString(),
        UserId = ticket.Principal.UserId?.ToString(),
        Step = ticket.Step,
        StartedAt = Ticks.From(ticket.StartedAt),
        LastStepAt = Ticks.From(ticket.LastStepAt),
        ExpiresAt = Ticks.From(ticket.ExpiresAt),
        Completed = ticket.Completed,
        Values = JsonSerializer.Serialize(ticket.Values, StorageJson.Default.IReadOnlyDictionaryStringString),
        Version = ticket.Version,
    };

    public FlowTicket ToTicket() => new()
    {
        Id = Id,
        HandleHash = HandleHash,
        Purpose = (FlowPurpose)Purpose,
        Principal = StoredIds.Principal(ContractId, UserId),
        Step = Step,
        StartedAt = Ticks.ToInstant(StartedAt),
        LastStepAt = Ticks.ToInstant(LastStepAt),
        ExpiresAt = Ticks.ToInstant(ExpiresAt),
        Completed = Completed,
        Values = JsonSerializer.Deserialize(Values, StorageJson.Default.DictionaryStringString) ?? [],
        Version = Version,
    };
}
