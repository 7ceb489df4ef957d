using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Maps the BizWeb stores into any <see cref="DbContext"/>, the way ASP.NET Core Identity and
/// OpenIddict do: call <see cref="AddBizWebAuth"/> from the bank's own <c>OnModelCreating</c>, add a
/// migration, and register the context with <c>AddEntityFrameworkStores&lt;TContext&gt;()</c>.
/// </summary>
public static partial class BizWebModelBuilderExtensions
{
    /// <summary>The table prefix used unless the bank chooses another: <c>bizweb_</c>.</summary>
    public const string DefaultTablePrefix = "bizweb_";

    /// <summary>A principal in one column: an 11-digit contract id, a slash, a user id.</summary>
    private const int PrincipalKeyLength = ContractId.Length + 1 + UserId.MaxLength;

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
            e.Property(r => r.ServiceLimits).HasColumnName("service_limits");
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

        MapTransactions(modelBuilder, schema, Table);
        return modelBuilder;
    }

    /// <summary>
    /// Adds the tokens tables (BizWeb.Tokens): the live customer card per contract, open card
    /// challenges, the hardware token inventory, and open transaction confirmations. Card values and
    /// seeds are stored only as the ciphertext the tokens package hands over. Call it in addition to
    /// <see cref="AddBizWebAuth"/>, with the same schema and prefix, when the host uses
    /// <c>AddCustomerCards()</c> or <c>AddHardwareTokens()</c>.
    /// </summary>
    /// <param name="modelBuilder">The bank's model builder.</param>
    /// <param name="schema">The schema, as for <see cref="AddBizWebAuth"/>.</param>
    /// <param name="tablePrefix">Prepended to every table name; may be empty.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder AddBizWebTokens(this ModelBuilder modelBuilder, string? schema = null, string tablePrefix = DefaultTablePrefix)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        string Table(string name) => tablePrefix + name;

        modelBuilder.Entity<CustomerCardRow>(e =>
        {
            e.ToTable(Table("customer_cards"), schema);
            e.HasKey(r => r.ContractId);
            e.Property(r => r.ContractId).HasColumnName("contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.SerialNumber).HasColumnName("serial_number").HasMaxLength(64);
            e.Property(r => r.ProtectedValues).HasColumnName("protected_values");
            e.Property(r => r.IssuedAt).HasColumnName("issued_at_ticks");
        });

        modelBuilder.Entity<CardChallengeRow>(e =>
        {
            e.ToTable(Table("card_challenges"), schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.ContractId).HasColumnName("contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.CardSerialNumber).HasColumnName("card_serial_number").HasMaxLength(64);
            e.Property(r => r.Principal).HasColumnName("principal").HasMaxLength(PrincipalKeyLength);
            e.Property(r => r.Purpose).HasColumnName("purpose");
            e.Property(r => r.FlowId).HasColumnName("flow_id");
            e.Property(r => r.Positions).HasColumnName("positions").HasMaxLength(32);
            e.Property(r => r.IssuedAt).HasColumnName("issued_at_ticks");
            e.Property(r => r.ExpiresAt).HasColumnName("expires_at_ticks");
            e.HasIndex(r => new { r.Principal, r.Purpose, r.FlowId }).IsUnique();
            e.HasIndex(r => r.ContractId);
            e.HasIndex(r => r.ExpiresAt);
        });

        modelBuilder.Entity<HardwareTokenRow>(e =>
        {
            e.ToTable(Table("hardware_tokens"), schema);
            e.HasKey(r => r.SerialNumber);
            e.Property(r => r.SerialNumber).HasColumnName("serial_number").HasMaxLength(64);
            e.Property(r => r.ProtectedSeed).HasColumnName("protected_seed");
            e.Property(r => r.Kind).HasColumnName("kind");
            e.Property(r => r.Algorithm).HasColumnName("algorithm");
            e.Property(r => r.Digits).HasColumnName("digits");
            e.Property(r => r.PeriodSeconds).HasColumnName("period_seconds");
            e.Property(r => r.EpochSeconds).HasColumnName("epoch_seconds");
            e.Property(r => r.OcraSuite).HasColumnName("ocra_suite").HasMaxLength(64);
            e.Property(r => r.Manufacturer).HasColumnName("manufacturer");
            e.Property(r => r.Status).HasColumnName("status");
            e.Property(r => r.Owner).HasColumnName("owner").HasMaxLength(PrincipalKeyLength);
            e.Property(r => r.BoundContractId).HasColumnName("bound_contract_id").HasMaxLength(ContractId.Length);
            e.Property(r => r.Drift).HasColumnName("drift");
            e.Property(r => r.LastUsedStep).HasColumnName("last_used_step");
            e.Property(r => r.ImportedAt).HasColumnName("imported_at_ticks");
            e.Property(r => r.ChangedAt).HasColumnName("changed_at_ticks");
            e.HasIndex(r => r.Owner).IsUnique();
        });

        modelBuilder.Entity<TransactionConfirmationRow>(e =>
        {
            e.ToTable(Table("transaction_confirmations"), schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.Principal).HasColumnName("principal").HasMaxLength(PrincipalKeyLength);
            e.Property(r => r.Digest).HasColumnName("digest");
            e.Property(r => r.OcraChallenge).HasColumnName("ocra_challenge").HasMaxLength(128);
            e.Property(r => r.CreatedAt).HasColumnName("created_at_ticks");
            e.Property(r => r.ExpiresAt).HasColumnName("expires_at_ticks");
            e.HasIndex(r => r.ExpiresAt);
        });

        return modelBuilder;
    }

    /// <summary>
    /// Adds the certificates tables (BizWeb.Certificates): every issued certificate, with a unique
    /// "current of" column so a principal has at most one current certificate, and the one-row CRL
    /// state (last CRL number, latest CRL). Call it in addition to <see cref="AddBizWebAuth"/>, with the
    /// same schema and prefix, when the host uses <c>AddCertificateAuthority()</c>.
    /// </summary>
    /// <param name="modelBuilder">The bank's model builder.</param>
    /// <param name="schema">The schema, as for <see cref="AddBizWebAuth"/>.</param>
    /// <param name="tablePrefix">Prepended to every table name; may be empty.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder AddBizWebCertificates(this ModelBuilder modelBuilder, string? schema = null, string tablePrefix = DefaultTablePrefix)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        string Table(string name) => tablePrefix + name;

        modelBuilder.Entity<CertificateRow>(e =>
        {
            e.ToTable(Table("certificates"), schema);
            e.HasKey(r => r.SerialNumber);
            e.Property(r => r.SerialNumber).HasColumnName("serial_number").HasMaxLength(64);
            e.Property(r => r.Principal).HasColumnName("principal").HasMaxLength(PrincipalKeyLength);
            e.Property(r => r.CurrentOf).HasColumnName("current_of").HasMaxLength(PrincipalKeyLength);
            e.Property(r => r.NotBefore).HasColumnName("not_before_ticks");
            e.Property(r => r.NotAfter).HasColumnName("not_after_ticks");
            e.Property(r => r.IssuedAt).HasColumnName("issued_at_ticks");
            e.Property(r => r.RawData).HasColumnName("raw_data");
            e.Property(r => r.RevokedAt).HasColumnName("revoked_at_ticks");
            e.Property(r => r.RevocationReason).HasColumnName("revocation_reason");
            e.Property(r => r.ReminderSentDaysBefore).HasColumnName("reminder_sent_days_before");
            e.HasIndex(r => r.CurrentOf).IsUnique();
            e.HasIndex(r => r.Principal);
            e.HasIndex(r => r.NotAfter);
        });

        modelBuilder.Entity<CrlRow>(e =>
        {
            e.ToTable(Table("crl"), schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.LastNumber).HasColumnName("last_number");
            e.Property(r => r.LatestNumber).HasColumnName("latest_number");
            e.Property(r => r.LatestThisUpdate).HasColumnName("latest_this_update_ticks");
            e.Property(r => r.LatestNextUpdate).HasColumnName("latest_next_update_ticks");
            e.Property(r => r.LatestRawData).HasColumnName("latest_raw_data");
            e.HasData(new CrlRow { Id = CrlRow.SingletonId, LastNumber = 0 });
        });

        return modelBuilder;
    }

    /// <summary>Every table of the BizWeb packages: <see cref="AddBizWebAuth"/>, <see cref="AddBizWebTokens"/> and <see cref="AddBizWebCertificates"/>.</summary>
    /// <param name="modelBuilder">The bank's model builder.</param>
    /// <param name="schema">The schema, as for <see cref="AddBizWebAuth"/>.</param>
    /// <param name="tablePrefix">Prepended to every table name; may be empty.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder AddBizWebAll(this ModelBuilder modelBuilder, string? schema = null, string tablePrefix = DefaultTablePrefix) =>
        modelBuilder.AddBizWebAuth(schema, tablePrefix).AddBizWebTokens(schema, tablePrefix).AddBizWebCertificates(schema, tablePrefix);
}
