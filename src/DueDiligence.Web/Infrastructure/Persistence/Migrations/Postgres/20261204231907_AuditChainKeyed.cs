using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 1); // every event written so far is linked by rule 1 (SHA-256)

            // The database itself refuses to change, remove or truncate audit events (docs/security.md, Audit trail integrity).
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditEvents_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Audit events are append-only: UPDATE and DELETE on AuditEvents are refused' USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AuditEvents_NoUpdateOrDelete" ON "AuditEvents";""");
            migrationBuilder.Sql("""DROP TRIGGER "AuditEvents_NoTruncate" ON "AuditEvents";""");
            migrationBuilder.Sql("""DROP FUNCTION "AuditEvents_AppendOnly"();""");
            migrationBuilder.DropColumn(
                name: "ChainVersion",
                table: "AuditEvents");
        }
    }
}
