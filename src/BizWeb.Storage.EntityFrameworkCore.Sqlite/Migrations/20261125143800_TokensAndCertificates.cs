using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizWeb.Storage.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class TokensAndCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bizweb_card_challenges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    card_serial_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    principal = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    flow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    positions = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    issued_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at_ticks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_card_challenges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_certificates",
                columns: table => new
                {
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    principal = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    current_of = table.Column<string>(type: "TEXT", maxLength: 42, nullable: true),
                    not_before_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    not_after_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    issued_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    raw_data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    revoked_at_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    revocation_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    reminder_sent_days_before = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_certificates", x => x.serial_number);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_crl",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_number = table.Column<long>(type: "INTEGER", nullable: false),
                    latest_number = table.Column<long>(type: "INTEGER", nullable: true),
                    latest_this_update_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    latest_next_update_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    latest_raw_data = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_crl", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_customer_cards",
                columns: table => new
                {
                    contract_id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    protected_values = table.Column<byte[]>(type: "BLOB", nullable: false),
                    issued_at_ticks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_customer_cards", x => x.contract_id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_hardware_tokens",
                columns: table => new
                {
                    serial_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    protected_seed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    algorithm = table.Column<int>(type: "INTEGER", nullable: false),
                    digits = table.Column<int>(type: "INTEGER", nullable: false),
                    period_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    epoch_seconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ocra_suite = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    manufacturer = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 42, nullable: true),
                    drift = table.Column<int>(type: "INTEGER", nullable: false),
                    last_used_step = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_at_ticks = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_hardware_tokens", x => x.serial_number);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_transaction_confirmations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    principal = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    digest = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ocra_challenge = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    created_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at_ticks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_transaction_confirmations", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "bizweb_crl",
                columns: new[] { "id", "last_number", "latest_next_update_ticks", "latest_number", "latest_raw_data", "latest_this_update_ticks" },
                values: new object[] { 1, 0L, null, null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_card_challenges_contract_id",
                table: "bizweb_card_challenges",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_card_challenges_expires_at_ticks",
                table: "bizweb_card_challenges",
                column: "expires_at_ticks");

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_card_challenges_principal_purpose_flow_id",
                table: "bizweb_card_challenges",
                columns: new[] { "principal", "purpose", "flow_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_certificates_current_of",
                table: "bizweb_certificates",
                column: "current_of",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_certificates_not_after_ticks",
                table: "bizweb_certificates",
                column: "not_after_ticks");

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_certificates_principal",
                table: "bizweb_certificates",
                column: "principal");

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_hardware_tokens_owner",
                table: "bizweb_hardware_tokens",
                column: "owner",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_transaction_confirmations_expires_at_ticks",
                table: "bizweb_transaction_confirmations",
                column: "expires_at_ticks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bizweb_card_challenges");

            migrationBuilder.DropTable(
                name: "bizweb_certificates");

            migrationBuilder.DropTable(
                name: "bizweb_crl");

            migrationBuilder.DropTable(
                name: "bizweb_customer_cards");

            migrationBuilder.DropTable(
                name: "bizweb_hardware_tokens");

            migrationBuilder.DropTable(
                name: "bizweb_transaction_confirmations");
        }
    }
}
