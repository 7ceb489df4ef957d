using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizWeb.Storage.EntityFrameworkCore.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bizweb_contract_settings",
                columns: table => new
                {
                    contract_id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    enabled_services = table.Column<string>(type: "TEXT", nullable: false),
                    debit_accounts = table.Column<string>(type: "TEXT", nullable: false),
                    contract_per_transfer = table.Column<long>(type: "INTEGER", nullable: true),
                    contract_per_day = table.Column<long>(type: "INTEGER", nullable: true),
                    payee_borne_fees = table.Column<string>(type: "TEXT", nullable: true),
                    zengin_password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    protected_file_access_key = table.Column<byte[]>(type: "BLOB", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_contract_settings", x => x.contract_id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_transfer_daily_totals",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    used = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_transfer_daily_totals", x => new { x.key, x.day });
                });

            migrationBuilder.CreateTable(
                name: "bizweb_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    debit_account = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    payee_bank_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    payee_branch_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    payee_account_type = table.Column<int>(type: "INTEGER", nullable: false),
                    payee_account_number = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    payee_name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    deduction = table.Column<long>(type: "INTEGER", nullable: false),
                    payee_receives = table.Column<long>(type: "INTEGER", nullable: false),
                    fee = table.Column<long>(type: "INTEGER", nullable: false),
                    debited = table.Column<long>(type: "INTEGER", nullable: false),
                    fee_bearer = table.Column<int>(type: "INTEGER", nullable: false),
                    execution_date = table.Column<int>(type: "INTEGER", nullable: false),
                    payee_relation = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    reviewed_digest = table.Column<byte[]>(type: "BLOB", nullable: true),
                    confirmation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    review_expires_at_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    execution_reference = table.Column<string>(type: "TEXT", nullable: true),
                    refusal_code = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
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
