using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Maps the BizWeb stores into any <see cref="DbContext"/>, the way ASP.NET Core Identity and
/// OpenIddict do: call <see cref="AddBizWebAuth"/> from the bank's own <c>OnModelCreating</c>, add a
/// migration, and register the context with <c>AddEntityFrameworkStores&lt;TContext&gt;()</c>.
/// </summary>
public static class BizWebModelBuilderExtensions
{
    /// <summary>The table prefix used unless the bank chooses another: <c>bizweb_</c>.</summary>
    public const string DefaultTablePrefix = "bizweb_";

    /// <summary>
    /// Adds the auth tables: contracts, users, flow tickets, failure counters, the audit trail with
    /// its chain head (seeded with the genesis hash), and the notification outbox. Instants are
    /// <c>bigint</c> UTC ticks; columns are snake_case.
    /// </summary>
    /// <param name="modelBuilder">The bank's model builder.</param>
    /// <param name="schema">The schema (PostgreSQL), or <see langword="null"/> for the default one. SQLite has no schemas: pass <see langword="null"/>.</param>
    /// <param name="tablePrefix">Prepended to every table name; may be empty.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder AddBizWebAuth(this ModelBuilder modelBuilder, string? schema = null, string tablePrefix = DefaultTablePrefix)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        string Table(string name) => tablePrefix + name;

        modelBuilder.Entity<ContractRow>(e =>
        {
            e.ToTable(Table("contracts"), schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").HasMaxLength(ContractId.Length);
            e.Property(r => r.LockoutMode).HasColumnName("lockout_mode");
            e.Property(r => r.State).HasColumnName("state");
            e.Property(r => r.RegistrationPinHash).HasColumnName("registration_pin_hash");
            e.Property(r => r.AdminLoginPinHash).HasColumnName("admin_login_pin_hash");
            e.Property(r => r.AdminConfirmationPinHash).HasColumnName("admin_confirmation_pin_hash");
            e.Property(r => r.AdminEmail).HasColumnName("admin_email");
            e.Property(r => r.AccidentRegistered).HasColumnName("accident_registered");
            e.Property(r => r.SecurityStamp).HasColumnName("security_stamp");
            e.Property(r => r.CreatedAt).HasColumnName("created_at_ticks");
            e.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        });

        modelBuilder.Entity<UserRow>(e =>
        {
            e.ToTable(Table("users"), schema);
            e.HasKey(r => new { r.ContractId, r.UserId });
            e.Property(r => r.ContractId).HasColumnName("contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.UserId).HasColumnName("user_id").HasMaxLength(UserId.MaxLength);
            e.Property(r => r.NameKana).HasColumnName("name_kana");
            e.Property(r => r.NameKanji).HasColumnName("name_kanji");
            e.Property(r => r.LoginPinHash).HasColumnName("login_pin_hash");
            e.Property(r => r.ConfirmationPinHash).HasColumnName("confirmation_pin_hash");
            e.Property(r => r.Email).HasColumnName("email");
            e.Property(r => r.IssueCertificate).HasColumnName("issue_certificate");
            e.Property(r => r.GrantedServices).HasColumnName("granted_services");
            e.Property(r => r.State).HasColumnName("state");
            e.Property(r => r.ActivatedAt).HasColumnName("activated_at_ticks");
            e.Property(r => r.AccidentRegistered).HasColumnName("accident_registered");
            e.Property(r => r.DeletedAt).HasColumnName("deleted_at_ticks");
            e.Property(r => r.SecurityStamp).HasColumnName("security_stamp");
            e.Property(r => r.CreatedAt).HasColumnName("created_at_ticks");
            e.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        });

        modelBuilder.Entity<FlowTicketRow>(e =>
        {
            e.ToTable(Table("flow_tickets"), schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.HandleHash).HasColumnName("handle_hash").HasMaxLength(64);
            e.Property(r => r.Purpose).HasColumnName("purpose");
            e.Property(r => r.ContractId).HasColumnName("contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.UserId).HasColumnName("user_id").HasMaxLength(UserId.MaxLength);
            e.Property(r => r.Step).HasColumnName("step");
            e.Property(r => r.StartedAt).HasColumnName("started_at_ticks");
            e.Property(r => r.LastStepAt).HasColumnName("last_step_at_ticks");
            e.Property(r => r.ExpiresAt).HasColumnName("expires_at_ticks");
            e.Property(r => r.Completed).HasColumnName("completed");
            e.Property(r => r.Values).HasColumnName("values");
            e.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(r => r.HandleHash).IsUnique();
            e.HasIndex(r => new { r.ContractId, r.UserId, r.Purpose, r.StartedAt });
            e.HasIndex(r => r.ExpiresAt);
        });

        modelBuilder.Entity<CounterRow>(e =>
        {
            e.ToTable(Table("failure_counters"), schema);
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasColumnName("key").HasMaxLength(80);
            e.Property(r => r.Failures).HasColumnName("failures");
            e.Property(r => r.ExpiresAt).HasColumnName("expires_at_ticks");
            e.HasIndex(r => r.ExpiresAt);
        });

        modelBuilder.Entity<AuditRow>(e =>
        {
            e.ToTable(Table("audit_trail"), schema);
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            e.Property(r => r.At).HasColumnName("at_ticks");
            e.Property(r => r.ActorKind).HasColumnName("actor_kind");
            e.Property(r => r.ActorId).HasColumnName("actor_id");
            e.Property(r => r.ActorClientAddress).HasColumnName("actor_client_address");
            e.Property(r => r.Action).HasColumnName("action");
            e.Property(r => r.SubjectContractId).HasColumnName("subject_contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.SubjectUserId).HasColumnName("subject_user_id").HasMaxLength(UserId.MaxLength);
            e.Property(r => r.Outcome).HasColumnName("outcome");
            e.Property(r => r.Detail).HasColumnName("detail");
            e.Property(r => r.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64);
            e.Property(r => r.Hash).HasColumnName("hash").HasMaxLength(64);
            e.HasIndex(r => r.Hash).IsUnique();
        });

        modelBuilder.Entity<AuditHeadRow>(e =>
        {
            e.ToTable(Table("audit_head"), schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.LastSequence).HasColumnName("last_sequence").IsConcurrencyToken();
            e.Property(r => r.LastHash).HasColumnName("last_hash").HasMaxLength(64);
            e.HasData(new AuditHeadRow { Id = AuditHeadRow.SingletonId, LastSequence = 0, LastHash = AuditChain.GenesisHash });
        });

        modelBuilder.Entity<NotificationRow>(e =>
        {
            e.ToTable(Table("outbox"), schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.Event).HasColumnName("event");
            e.Property(r => r.ContractId).HasColumnName("contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.UserId).HasColumnName("user_id").HasMaxLength(UserId.MaxLength);
            e.Property(r => r.EmailAddress).HasColumnName("email_address");
            e.Property(r => r.CreatedAt).HasColumnName("created_at_ticks");
            e.Property(r => r.Attempts).HasColumnName("attempts");
            e.Property(r => r.NextAttemptAt).HasColumnName("next_attempt_at_ticks");
            e.Property(r => r.DeliveredAt).HasColumnName("delivered_at_ticks");
            e.Property(r => r.Abandoned).HasColumnName("abandoned");
            e.Property(r => r.LastError).HasColumnName("last_error");
            e.HasIndex(r => r.ContractId);
            e.HasIndex(r => r.NextAttemptAt);
            e.HasIndex(r => r.DeliveredAt);
        });

        return modelBuilder;
    }
}
