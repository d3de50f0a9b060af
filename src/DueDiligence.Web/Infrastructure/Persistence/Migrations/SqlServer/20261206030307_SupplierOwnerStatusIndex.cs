using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SupplierOwnerStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Suppliers_OwnerId",
                table: "Suppliers");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_OwnerId_Status",
                table: "Suppliers",
                columns: new[] { "OwnerId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Suppliers_OwnerId_Status",
                table: "Suppliers");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_OwnerId",
                table: "Suppliers",
                column: "OwnerId");
        }
    }
}
