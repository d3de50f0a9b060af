using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 1); // every event written so far is linked by rule 1 (SHA-256)

            // The database itself refuses to change or remove an audit event (docs/security.md, Audit trail integrity).
            // CREATE TRIGGER must be alone in its batch: EXEC gives it one, also in a script generated from the migrations.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents] INSTEAD OF UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, N''Audit events are append-only: UPDATE and DELETE on AuditEvents are refused'', 1;
                END')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER [AuditEvents_AppendOnly];");
            migrationBuilder.DropColumn(
                name: "ChainVersion",
                table: "AuditEvents");
        }
    }
}
