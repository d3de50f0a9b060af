using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InternalThreadsAndMessageFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachmentId",
                table: "ClarificationMessages");

            migrationBuilder.AlterColumn<Guid>(
                name: "InvitationId",
                table: "ClarificationThreads",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "AttachmentContentType",
                table: "ClarificationMessages",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentFileName",
                table: "ClarificationMessages",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AttachmentLength",
                table: "ClarificationMessages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentSha256",
                table: "ClarificationMessages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentStorageKey",
                table: "ClarificationMessages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorId",
                table: "ClarificationMessages",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachmentContentType",
                table: "ClarificationMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentFileName",
                table: "ClarificationMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentLength",
                table: "ClarificationMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentSha256",
                table: "ClarificationMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentStorageKey",
                table: "ClarificationMessages");

            migrationBuilder.DropColumn(
                name: "AuthorId",
                table: "ClarificationMessages");

            migrationBuilder.AlterColumn<Guid>(
                name: "InvitationId",
                table: "ClarificationThreads",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AttachmentId",
                table: "ClarificationMessages",
                type: "uuid",
                nullable: true);
        }
    }
}
