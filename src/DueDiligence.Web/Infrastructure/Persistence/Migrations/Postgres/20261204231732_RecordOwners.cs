using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecordOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SourcingCollaborators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourcingProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourcingCollaborators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourcingCollaborators_SourcingProjects_SourcingProjectId",
                        column: x => x.SourcingProjectId,
                        principalTable: "SourcingProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierCollaborators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierCollaborators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierCollaborators_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SourcingCollaborators_SourcingProjectId_UserId",
                table: "SourcingCollaborators",
                columns: new[] { "SourcingProjectId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SourcingCollaborators_UserId",
                table: "SourcingCollaborators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierCollaborators_SupplierId_UserId",
                table: "SupplierCollaborators",
                columns: new[] { "SupplierId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierCollaborators_UserId",
                table: "SupplierCollaborators",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourcingCollaborators");

            migrationBuilder.DropTable(
                name: "SupplierCollaborators");
        }
    }
}
