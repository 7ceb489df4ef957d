using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// One record of the audit trail, with every field its hash covers, so the chain verifies from the
/// table alone. Never updated or deleted (a trigger refuses it, see <see cref="AuditGuardMigrationExtensions"/>).
/// </summary>
internal sealed class AuditRow
{
    public long Sequence { get; set; }

    public long At { get; set; }

    public int ActorKind { get; set; }

    public required string ActorId { get; set; }

    public string? ActorClientAddress { get; set; }

    public required string Action { get; set; }

    public string? SubjectContractId { get; set; }

    public string? SubjectUserId { get; set; }

    public int Outcome { get; set; }

    public string? Detail { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public static AuditRow From(AuditEntry entry) => new()
    {
        Sequence = entry.Sequence,
        At = Ticks.From(entry.At),
        ActorKind = (int)entry.Actor.Kind,
        ActorId = entry.Actor.Id,
        ActorClientAddress = entry.Actor.ClientAddress,
        Action = entry.Action,
        SubjectContractId = entry.Subject?.ContractId.ToString(),
        SubjectUserId = entry.Subject?.UserId?.ToString(),
        Outcome = (int)entry.Outcome,
        Detail = entry.Detail,
        PreviousHash = entry.PreviousHash,
        Hash = entry.Hash,
    };

    public AuditEntry ToEntry() => new()
    {
        Sequence = Sequence,
        At = Ticks.ToInstant(At),
        Actor = new AuditActor((AuditActorKind)ActorKind, ActorId, ActorClientAddress),
        Action = Action,
        Subject = SubjectContractId is null ? null : StoredIds.Principal(SubjectContractId, SubjectUserId),
        Outcome = (AuditOutcome)Outcome,
        Detail = Detail,
        PreviousHash = PreviousHash,
        Hash = Hash,
    };
}
