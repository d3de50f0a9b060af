using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupplierMatchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MatchKey",
                table: "Suppliers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MatchStem",
                table: "Suppliers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_MatchKey_HqCountry",
                table: "Suppliers",
                columns: new[] { "MatchKey", "HqCountry" });

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_MatchStem",
                table: "Suppliers",
                column: "MatchStem");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Suppliers_MatchKey_HqCountry",
                table: "Suppliers");

            migrationBuilder.DropIndex(
                name: "IX_Suppliers_MatchStem",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "MatchKey",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "MatchStem",
                table: "Suppliers");
        }
    }
}
