using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The stored form of a <see cref="Transfer"/>: one column per displayed field, amounts as <c>bigint</c> yen, the date as <c>yyyymmdd</c>.</summary>
internal sealed class TransferRow
{
    public Guid Id { get; set; }

    public required string ContractId { get; set; }

    public required string UserId { get; set; }

    public required string IdempotencyKey { get; set; }

    public required string DebitAccount { get; set; }

    public required string PayeeBankCode { get; set; }

    public required string PayeeBranchCode { get; set; }

    public int PayeeAccountType { get; set; }

    public required string PayeeAccountNumber { get; set; }

    public required string PayeeName { get; set; }

    public long Amount { get; set; }

    public long Deduction { get; set; }

    public long PayeeReceives { get; set; }

    public long Fee { get; set; }

    public long Debited { get; set; }

    public int FeeBearer { get; set; }

    public int ExecutionDate { get; set; }

    public int PayeeRelation { get; set; }

    public int State { get; set; }

    public byte[]? ReviewedDigest { get; set; }

    public Guid? ConfirmationId { get; set; }

    public long? ReviewExpiresAt { get; set; }

    public string? ExecutionReference { get; set; }

    public int? RefusalCode { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long Version { get; set; }

    public static int DateNumber(DateOnly date) => (date.Year * 10_000) + (date.Month * 100) + date.Day;

    public static DateOnly Date(int number) => new(number / 10_000, number / 100 % 100, number % 100);

    public static TransferRow From(Transfer transfer) => new()
    {
        Id = transfer.Id,
        ContractId = transfer.User.ContractId.ToString(),
        UserId = transfer.User.UserId!.Value.ToString(),
        IdempotencyKey = transfer.IdempotencyKey,
        DebitAccount = transfer.Details.DebitAccount,
        PayeeBankCode = transfer.Details.PayeeBankCode,
        PayeeBranchCode = transfer.Details.PayeeBranchCode,
        PayeeAccountType = (int)transfer.Details.PayeeAccountType,
        PayeeAccountNumber = transfer.Details.PayeeAccountNumber,
        PayeeName = transfer.Details.PayeeName,
        Amount = transfer.Details.Quote.Amount,
        Deduction = transfer.Details.Quote.Deduction,
        PayeeReceives = transfer.Details.Quote.PayeeReceives,
        Fee = transfer.Details.Quote.Fee,
        Debited = transfer.Details.Quote.Debited,
        FeeBearer = (int)transfer.Details.FeeBearer,
        ExecutionDate = DateNumber(transfer.Details.ExecutionDate),
        PayeeRelation = (int)transfer.PayeeRelation,
        State = (int)transfer.State,
        ReviewedDigest = transfer.ReviewedDigest,
        ConfirmationId = transfer.ConfirmationId,
        ReviewExpiresAt = Ticks.From(transfer.ReviewExpiresAt),
        ExecutionReference = transfer.ExecutionReference,
        RefusalCode = (int?)transfer.RefusalCode,
        CreatedAt = Ticks.From(transfer.CreatedAt),
        UpdatedAt = Ticks.From(transfer.UpdatedAt),
        Version = transfer.Version,
    };

    public Transfer ToTransfer() => new()
    {
        Id = Id,
        User = PrincipalId.User(StoredIds.Contract(ContractId), StoredIds.User(UserId)),
        IdempotencyKey = IdempotencyKey,
        Details = new TransferDetails
        {
            DebitAccount = DebitAccount,
            PayeeBankCode = PayeeBankCode,
            PayeeBranchCode = PayeeBranchCode,
            PayeeAccountType = (PayeeAccountType)PayeeAccountType,
            PayeeAccountNumber = PayeeAccountNumber,
            PayeeName = PayeeName,
            Quote = new TransferQuote(Amount, Deduction, PayeeReceives, Fee, Debited),
            FeeBearer = (FeeBearer)FeeBearer,
            ExecutionDate = Date(ExecutionDate),
        },
        PayeeRelation = (PayeeRelation)PayeeRelation,
        State = (TransferState)State,
        ReviewedDigest = ReviewedDigest,
        ConfirmationId = ConfirmationId,
        ReviewExpiresAt = Ticks.ToInstant(ReviewExpiresAt),
        ExecutionReference = ExecutionReference,
        RefusalCode = (MessageCode?)RefusalCode,
        CreatedAt = Ticks.ToInstant(CreatedAt),
        UpdatedAt = Ticks.ToInstant(UpdatedAt),
        Version = Version,
    };
}
