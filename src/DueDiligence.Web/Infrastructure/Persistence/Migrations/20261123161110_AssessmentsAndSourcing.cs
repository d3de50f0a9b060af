using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentsAndSourcing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "SupplierId",
                table: "SupplierSubcontractors",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "SupplierId",
                table: "SupplierSites",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "SupplierId",
                table: "SupplierExposure",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "SupplierId",
                table: "SupplierContacts",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TemplateVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Template = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AnalystId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AnalystName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionOutcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecisionRationale = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReassessmentDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionTier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecisionResidualRisk = table.Column<double>(type: "REAL", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_TemplateVersions_TemplateVersionId",
                        column: x => x.TemplateVersionId,
                        principalTable: "TemplateVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SourcingProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChosenSupplierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionMemo = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourcingProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourcingProjects_Suppliers_ChosenSupplierId",
                        column: x => x.ChosenSupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NotApplicable = table.Column<bool>(type: "INTEGER", nullable: false),
                    YesNo = table.Column<bool>(type: "INTEGER", nullable: true),
                    Maturity = table.Column<int>(type: "INTEGER", nullable: true),
                    OptionCodesJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Number = table.Column<double>(type: "REAL", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ManualRating = table.Column<double>(type: "REAL", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EvidenceJustification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAnswers_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentTransitions_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractConditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MetById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    MetByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MetAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractConditions_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    VerifiedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    VerifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecommendedMitigation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ResolvedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnockOutWaivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WaivedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WaivedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WaivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnockOutWaivers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnockOutWaivers_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TakenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResidualRisk = table.Column<double>(type: "REAL", nullable: false),
                    ControlScore = table.Column<double>(type: "REAL", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSnapshots_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SourcingCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SourcingProjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourcingCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourcingCandidates_SourcingProjects_SourcingProjectId",
                        column: x => x.SourcingProjectId,
                        principalTable: "SourcingProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SourcingCandidates_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAnswers_AssessmentId_QuestionCode",
                table: "AssessmentAnswers",
                columns: new[] { "AssessmentId", "QuestionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AnalystId",
                table: "Assessments",
                column: "AnalystId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Status",
                table: "Assessments",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SupplierId",
                table: "Assessments",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_TemplateVersionId",
                table: "Assessments",
                column: "TemplateVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentTransitions_AssessmentId",
                table: "AssessmentTransitions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractConditions_AssessmentId",
                table: "ContractConditions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_AssessmentId",
                table: "EvidenceFiles",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_StorageKey",
                table: "EvidenceFiles",
                column: "StorageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_AssessmentId",
                table: "Findings",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_KnockOutWaivers_AssessmentId",
                table: "KnockOutWaivers",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSnapshots_AssessmentId",
                table: "ScoreSnapshots",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SourcingCandidates_SourcingProjectId_SupplierId",
                table: "SourcingCandidates",
                columns: new[] { "SourcingProjectId", "SupplierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SourcingCandidates_SupplierId",
                table: "SourcingCandidates",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_SourcingProjects_ChosenSupplierId",
                table: "SourcingProjects",
                column: "ChosenSupplierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAnswers");

            migrationBuilder.DropTable(
                name: "AssessmentTransitions");

            migrationBuilder.DropTable(
                name: "ContractConditions");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "KnockOutWaivers");

            migrationBuilder.DropTable(
                name: "ScoreSnapshots");

            migrationBuilder.DropTable(
                name: "SourcingCandidates");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "SourcingProjects");

            migrationBuilder.AlterColumn<Guid>(
                name: "SupplierId",
                table: "SupplierSubcontractors",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<Guid>(
                name: "SupplierId",
                table: "SupplierSites",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<Guid>(
                name: "SupplierId",
                table: "SupplierExposure",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<Guid>(
                name: "SupplierId",
                table: "SupplierContacts",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");
        }
    }
}
