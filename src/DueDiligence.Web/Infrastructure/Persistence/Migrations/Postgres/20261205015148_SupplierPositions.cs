using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupplierPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupplierPositionChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TierBefore = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ResidualRiskBefore = table.Column<double>(type: "double precision", nullable: true),
                    TierAfter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ResidualRiskAfter = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierPositionChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierPositionChanges_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierPositions",
                columns: table => new
                {
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    LiveAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    LiveTier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LiveResidualRisk = table.Column<double>(type: "double precision", nullable: true),
                    PolicyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ControlScore = table.Column<double>(type: "double precision", nullable: true),
                    ControlBand = table.Column<int>(type: "integer", nullable: true),
                    WorstJurisdictionRisk = table.Column<double>(type: "double precision", nullable: false),
                    WorstJurisdictionLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecidedAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedTier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecidedResidualRisk = table.Column<double>(type: "double precision", nullable: true),
                    DecidedPolicyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueConditions = table.Column<int>(type: "integer", nullable: false),
                    OverdueFindings = table.Column<int>(type: "integer", nullable: false),
                    ChangedSinceDecision = table.Column<bool>(type: "boolean", nullable: false),
                    ChangeReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierPositions", x => x.SupplierId);
                    table.ForeignKey(
                        name: "FK_SupplierPositions_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierPositionChanges_SupplierId_AtUtc",
                table: "SupplierPositionChanges",
                columns: new[] { "SupplierId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierPositions_ChangedSinceDecision",
                table: "SupplierPositions",
                column: "ChangedSinceDecision");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierPositions_WorstJurisdictionLevel_ControlBand",
                table: "SupplierPositions",
                columns: new[] { "WorstJurisdictionLevel", "ControlBand" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupplierPositionChanges");

            migrationBuilder.DropTable(
                name: "SupplierPositions");
        }
    }
}
