using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChainKeyed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChainVersion",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // every event written so far is linked by rule 1 (SHA-256)

            // The database itself refuses to change or remove an audit event (docs/security.md, Audit trail integrity).
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'Audit events are append-only: UPDATE and DELETE on AuditEvents are refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'Audit events are append-only: UPDATE and DELETE on AuditEvents are refused'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AuditEvents_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "AuditEvents_NoDelete";""");
            migrationBuilder.DropColumn(
                name: "ChainVersion",
                table: "AuditEvents");
        }
    }
}
