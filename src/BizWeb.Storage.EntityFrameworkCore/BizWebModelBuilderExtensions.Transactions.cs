using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The transaction tables, mapped by <see cref="AddBizWebAuth"/>: contract settings, transfers and the daily totals.</summary>
public static partial class BizWebModelBuilderExtensions
{
    private static void MapTransactions(ModelBuilder modelBuilder, string? schema, Func<string, string> table)
    {
        modelBuilder.Entity<ContractSettingsRow>(e =>
        {
            e.ToTable(table("contract_settings"), schema);
            e.HasKey(r => r.ContractId);
            e.Property(r => r.ContractId).HasColumnName("contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.EnabledServices).HasColumnName("enabled_services");
            e.Property(r => r.DebitAccounts).HasColumnName("debit_accounts");
            e.Property(r => r.ContractPerTransfer).HasColumnName("contract_per_transfer");
            e.Property(r => r.ContractPerDay).HasColumnName("contract_per_day");
            e.Property(r => r.PayeeBorneFees).HasColumnName("payee_borne_fees");
            e.Property(r => r.ZenginPasswordHash).HasColumnName("zengin_password_hash");
            e.Property(r => r.ProtectedFileAccessKey).HasColumnName("protected_file_access_key");
            e.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        });

        modelBuilder.Entity<TransferRow>(e =>
        {
            e.ToTable(table("transfers"), schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.ContractId).HasColumnName("contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.UserId).HasColumnName("user_id").HasMaxLength(UserId.MaxLength);
            e.Property(r => r.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(64);
            e.Property(r => r.DebitAccount).HasColumnName("debit_account").HasMaxLength(16);
            e.Property(r => r.PayeeBankCode).HasColumnName("payee_bank_code").HasMaxLength(4);
            e.Property(r => r.PayeeBranchCode).HasColumnName("payee_branch_code").HasMaxLength(3);
            e.Property(r => r.PayeeAccountType).HasColumnName("payee_account_type");
            e.Property(r => r.PayeeAccountNumber).HasColumnName("payee_account_number").HasMaxLength(7);
            e.Property(r => r.PayeeName).HasColumnName("payee_name").HasMaxLength(30);
            e.Property(r => r.Amount).HasColumnName("amount");
            e.Property(r => r.Deduction).HasColumnName("deduction");
            e.Property(r => r.PayeeReceives).HasColumnName("payee_receives");
            e.Property(r => r.Fee).HasColumnName("fee");
            e.Property(r => r.Debited).HasColumnName("debited");
            e.Property(r => r.FeeBearer).HasColumnName("fee_bearer");
            e.Property(r => r.ExecutionDate).HasColumnName("execution_date");
            e.Property(r => r.PayeeRelation).HasColumnName("payee_relation");
            e.Property(r => r.State).HasColumnName("state");
            e.Property(r => r.ReviewedDigest).HasColumnName("reviewed_digest");
            e.Property(r => r.ConfirmationId).HasColumnName("confirmation_id");
            e.Property(r => r.ReviewExpiresAt).HasColumnName("review_expires_at_ticks");
            e.Property(r => r.ExecutionReference).HasColumnName("execution_reference");
            e.Property(r => r.RefusalCode).HasColumnName("refusal_code");
            e.Property(r => r.CreatedAt).HasColumnName("created_at_ticks");
            e.Property(r => r.UpdatedAt).HasColumnName("updated_at_ticks");
            e.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
            // One user's idempotency key names one transfer: a second insert is a conflict.
            e.HasIndex(r => new { r.ContractId, r.UserId, r.IdempotencyKey }).IsUnique();
            e.HasIndex(r => new { r.ContractId, r.UserId, r.CreatedAt });
        });

        modelBuilder.Entity<TransferTotalRow>(e =>
        {
            e.ToTable(table("transfer_daily_totals"), schema);
            e.HasKey(r => new { r.Key, r.Day });
            e.Property(r => r.Key).HasColumnName("key").HasMaxLength(120);
            e.Property(r => r.Day).HasColumnName("day");
            e.Property(r => r.Used).HasColumnName("used");
        });
    }
}
