using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplierIndexesForPortfolioScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Suppliers_LatestTier",
                table: "Suppliers");

            migrationBuilder.DropIndex(
                name: "IX_Suppliers_Status",
                table: "Suppliers");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_LatestTier_Status",
                table: "Suppliers",
                columns: new[] { "LatestTier", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_Status_ReassessmentDueOn",
                table: "Suppliers",
                columns: new[] { "Status", "ReassessmentDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Suppliers_LatestTier_Status",
                table: "Suppliers");

            migrationBuilder.DropIndex(
                name: "IX_Suppliers_Status_ReassessmentDueOn",
                table: "Suppliers");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_LatestTier",
                table: "Suppliers",
                column: "LatestTier");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_Status",
                table: "Suppliers",
                column: "Status");
        }
    }
}
