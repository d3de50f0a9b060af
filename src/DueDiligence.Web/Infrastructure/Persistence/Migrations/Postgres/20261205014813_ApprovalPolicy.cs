using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApprovalPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalOpinion",
                table: "Assessments",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LegalOpinionAtUtc",
                table: "Assessments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalOpinionById",
                table: "Assessments",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalOpinionByName",
                table: "Assessments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApprovalRules",
                columns: table => new
                {
                    Tier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequiredApprovals = table.Column<int>(type: "integer", nullable: false),
                    JustificationRequired = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRules", x => x.Tier);
                });

            migrationBuilder.CreateTable(
                name: "DecisionSignOffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OnBehalfOfId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OnBehalfOfName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Tier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ResidualRisk = table.Column<double>(type: "double precision", nullable: false),
                    RequiredApprovals = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Superseded = table.Column<bool>(type: "boolean", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionSignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionSignOffs_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DelegatorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DelegatorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DelegateId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DelegateName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegations", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ApprovalRules",
                columns: new[] { "Tier", "JustificationRequired", "RequiredApprovals", "UpdatedAtUtc", "UpdatedByName", "Version" },
                values: new object[,]
                {
                    { "Critical", true, 2, null, null, new Guid("6f1c2a10-0000-4000-8000-000000000004") },
                    { "High", false, 1, null, null, new Guid("6f1c2a10-0000-4000-8000-000000000003") },
                    { "Low", false, 1, null, null, new Guid("6f1c2a10-0000-4000-8000-000000000001") },
                    { "Medium", false, 1, null, null, new Guid("6f1c2a10-0000-4000-8000-000000000002") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionSignOffs_AssessmentId",
                table: "DecisionSignOffs",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_DelegateId",
                table: "Delegations",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_DelegatorId",
                table: "Delegations",
                column: "DelegatorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalRules");

            migrationBuilder.DropTable(
                name: "DecisionSignOffs");

            migrationBuilder.DropTable(
                name: "Delegations");

            migrationBuilder.DropColumn(
                name: "LegalOpinion",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "LegalOpinionAtUtc",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "LegalOpinionById",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "LegalOpinionByName",
                table: "Assessments");
        }
    }
}
