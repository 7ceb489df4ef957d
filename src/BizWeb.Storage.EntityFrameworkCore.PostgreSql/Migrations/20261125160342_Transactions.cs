using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizWeb.Storage.EntityFrameworkCore.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class Transactions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "service_limits",
                table: "bizweb_users",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bizweb_contract_settings",
                columns: table => new
                {
                    contract_id = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    enabled_services = table.Column<string>(type: "text", nullable: false),
                    debit_accounts = table.Column<string>(type: "text", nullable: false),
                    contract_per_transfer = table.Column<long>(type: "bigint", nullable: true),
                    contract_per_day = table.Column<long>(type: "bigint", nullable: true),
                    payee_borne_fees = table.Column<string>(type: "text", nullable: true),
                    zengin_password_hash = table.Column<string>(type: "text", nullable: true),
                    protected_file_access_key = table.Column<byte[]>(type: "bytea", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_contract_settings", x => x.contract_id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_transfer_daily_totals",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    used = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_transfer_daily_totals", x => new { x.key, x.day });
                });

            migrationBuilder.CreateTable(
                name: "bizweb_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    user_id = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    debit_account = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    payee_bank_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    payee_branch_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    payee_account_type = table.Column<int>(type: "integer", nullable: false),
                    payee_account_number = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    payee_name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    deduction = table.Column<long>(type: "bigint", nullable: false),
                    payee_receives = table.Column<long>(type: "bigint", nullable: false),
                    fee = table.Column<long>(type: "bigint", nullable: false),
                    debited = table.Column<long>(type: "bigint", nullable: false),
                    fee_bearer = table.Column<int>(type: "integer", nullable: false),
                    execution_date = table.Column<int>(type: "integer", nullable: false),
                    payee_relation = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    reviewed_digest = table.Column<byte[]>(type: "bytea", nullable: true),
                    confirmation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    review_expires_at_ticks = table.Column<long>(type: "bigint", nullable: true),
                    execution_reference = table.Column<string>(type: "text", nullable: true),
                    refusal_code = table.Column<int>(type: "integer", nullable: true),
                    created_at_ticks = table.Column<long>(type: "bigint", nullable: false),
                    updated_at_ticks = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_transfers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_transfers_contract_id_user_id_created_at_ticks",
                table: "bizweb_transfers",
                columns: new[] { "contract_id", "user_id", "created_at_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_transfers_contract_id_user_id_idempotency_key",
                table: "bizweb_transfers",
                columns: new[] { "contract_id", "user_id", "idempotency_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bizweb_contract_settings");

            migrationBuilder.DropTable(
                name: "bizweb_transfer_daily_totals");

            migrationBuilder.DropTable(
                name: "bizweb_transfers");

            migrationBuilder.DropColumn(
                name: "service_limits",
                table: "bizweb_users");
        }
    }
}
