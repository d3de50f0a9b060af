using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Reassessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_StorageKey",
                table: "EvidenceFiles");

            migrationBuilder.AddColumn<DateTime>(
                name: "CarriedAtUtc",
                table: "EvidenceFiles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CarriedById",
                table: "EvidenceFiles",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CarriedFromId",
                table: "EvidenceFiles",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CarriedFromAssessmentId",
                table: "Assessments",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CarryForwardNotesJson",
                table: "Assessments",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "CarriedSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SectionCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CarriedAnswers = table.Column<int>(type: "int", nullable: false),
                    CarriedEvidence = table.Column<int>(type: "int", nullable: false),
                    ConfirmedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarriedSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarriedSections_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_StorageKey_AssessmentId",
                table: "EvidenceFiles",
                columns: new[] { "StorageKey", "AssessmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CarriedFromAssessmentId",
                table: "Assessments",
                column: "CarriedFromAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CarriedSections_AssessmentId",
                table: "CarriedSections",
                column: "AssessmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CarriedSections");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_StorageKey_AssessmentId",
                table: "EvidenceFiles");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CarriedFromAssessmentId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "CarriedAtUtc",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "CarriedById",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "CarriedFromId",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "CarriedFromAssessmentId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "CarryForwardNotesJson",
                table: "Assessments");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_StorageKey",
                table: "EvidenceFiles",
                column: "StorageKey",
                unique: true);
        }
    }
}
