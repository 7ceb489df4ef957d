using BizWeb.Storage.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizWeb.Storage.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bizweb_audit_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_audit_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_audit_trail",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", nullable: false),
                    actor_client_address = table.Column<string>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    subject_contract_id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    subject_user_id = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_audit_trail", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_contracts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    lockout_mode = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    registration_pin_hash = table.Column<string>(type: "TEXT", nullable: false),
                    admin_login_pin_hash = table.Column<string>(type: "TEXT", nullable: true),
                    admin_confirmation_pin_hash = table.Column<string>(type: "TEXT", nullable: true),
                    admin_email = table.Column<string>(type: "TEXT", nullable: true),
                    accident_registered = table.Column<bool>(type: "INTEGER", nullable: false),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_contracts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_failure_counters",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    expires_at_ticks = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_failure_counters", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_flow_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    handle_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    contract_id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    step = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    last_step_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    values = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_flow_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    @event = table.Column<int>(name: "event", type: "INTEGER", nullable: false),
                    contract_id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    email_address = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    delivered_at_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    abandoned = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bizweb_users",
                columns: table => new
                {
                    contract_id = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name_kana = table.Column<string>(type: "TEXT", nullable: false),
                    name_kanji = table.Column<string>(type: "TEXT", nullable: true),
                    login_pin_hash = table.Column<string>(type: "TEXT", nullable: false),
                    confirmation_pin_hash = table.Column<string>(type: "TEXT", nullable: false),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    issue_certificate = table.Column<bool>(type: "INTEGER", nullable: false),
                    granted_services = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    activated_at_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    accident_registered = table.Column<bool>(type: "INTEGER", nullable: false),
                    deleted_at_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bizweb_users", x => new { x.contract_id, x.user_id });
                });

            migrationBuilder.InsertData(
                table: "bizweb_audit_head",
                columns: new[] { "id", "last_hash", "last_sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_audit_trail_hash",
                table: "bizweb_audit_trail",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_failure_counters_expires_at_ticks",
                table: "bizweb_failure_counters",
                column: "expires_at_ticks");

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_flow_tickets_contract_id_user_id_purpose_started_at_ticks",
                table: "bizweb_flow_tickets",
                columns: new[] { "contract_id", "user_id", "purpose", "started_at_ticks" });

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_flow_tickets_expires_at_ticks",
                table: "bizweb_flow_tickets",
                column: "expires_at_ticks");

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_flow_tickets_handle_hash",
                table: "bizweb_flow_tickets",
                column: "handle_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_outbox_contract_id",
                table: "bizweb_outbox",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_outbox_delivered_at_ticks",
                table: "bizweb_outbox",
                column: "delivered_at_ticks");

            migrationBuilder.CreateIndex(
                name: "IX_bizweb_outbox_next_attempt_at_ticks",
                table: "bizweb_outbox",
                column: "next_attempt_at_ticks");

            // Not generated: the audit trail is append-only in the database itself.
            migrationBuilder.CreateBizWebAuditGuard(SqliteBizWebSqlDialect.Instance);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropBizWebAuditGuard(SqliteBizWebSqlDialect.Instance);

            migrationBuilder.DropTable(
                name: "bizweb_audit_head");

            migrationBuilder.DropTable(
                name: "bizweb_audit_trail");

            migrationBuilder.DropTable(
                name: "bizweb_contracts");

            migrationBuilder.DropTable(
                name: "bizweb_failure_counters");

            migrationBuilder.DropTable(
                name: "bizweb_flow_tickets");

            migrationBuilder.DropTable(
                name: "bizweb_outbox");

            migrationBuilder.DropTable(
                name: "bizweb_users");
        }
    }
}
