using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BizWeb.Storage.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class HotpTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "kind",
                table: "bizweb_hardware_tokens",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "kind",
                table: "bizweb_hardware_tokens");
        }
    }
}
