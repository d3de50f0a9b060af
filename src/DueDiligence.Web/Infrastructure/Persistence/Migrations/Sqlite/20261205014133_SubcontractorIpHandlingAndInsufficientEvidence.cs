using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubcontractorIpHandlingAndInsufficientEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IpHandling",
                table: "SupplierSubcontractors",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "NotConfirmed");

            migrationBuilder.AddColumn<DateTime>(
                name: "InsufficientAtUtc",
                table: "EvidenceFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InsufficientById",
                table: "EvidenceFiles",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InsufficientByName",
                table: "EvidenceFiles",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InsufficientReason",
                table: "EvidenceFiles",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IpHandling",
                table: "SupplierSubcontractors");

            migrationBuilder.DropColumn(
                name: "InsufficientAtUtc",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "InsufficientById",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "InsufficientByName",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "InsufficientReason",
                table: "EvidenceFiles");
        }
    }
}
