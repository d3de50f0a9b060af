using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgreementsAndFileReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OurEntity = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContractingEntity = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContractingEntityCountry = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GoverningLaw = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    Forum = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ForumCountry = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    SignedFileStorageKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    SignedFileSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    SignedFileLength = table.Column<long>(type: "bigint", nullable: true),
                    SignedFileContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SignedFileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: true),
                    SignedFileUploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SignedFileUploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Clauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ExpectedIn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Retired = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clauses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FileReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AssetKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Sensitivity = table.Column<int>(type: "int", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ApprovedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReturnOrDestroyBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EvidenceStorageKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FileReleases_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FileReleases_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementClauseChecks",
                columns: table => new
                {
                    ClauseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    CheckedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CheckedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementClauseChecks", x => new { x.AgreementId, x.ClauseId });
                    table.ForeignKey(
                        name: "FK_AgreementClauseChecks_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementClauseChecks_Clauses_ClauseId",
                        column: x => x.ClauseId,
                        principalTable: "Clauses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementClauseChecks_ClauseId",
                table: "AgreementClauseChecks",
                column: "ClauseId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_SupplierId",
                table: "Agreements",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_Clauses_Name",
                table: "Clauses",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FileReleases_AgreementId",
                table: "FileReleases",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_FileReleases_SupplierId_ReleasedOn",
                table: "FileReleases",
                columns: new[] { "SupplierId", "ReleasedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementClauseChecks");

            migrationBuilder.DropTable(
                name: "FileReleases");

            migrationBuilder.DropTable(
                name: "Clauses");

            migrationBuilder.DropTable(
                name: "Agreements");
        }
    }
}
