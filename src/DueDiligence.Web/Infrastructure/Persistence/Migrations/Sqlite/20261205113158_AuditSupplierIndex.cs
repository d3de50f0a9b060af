using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DueDiligence.Web.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditSupplierIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SupplierKey",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            // ---- Hand-written backfill (keep when regenerating this migration) ----------------------------------------
            // The supplier of each event written before this migration, from the event's own content: a supplier's events by
            // their key; a record with a supplier id (site, contact, assessment…) by the id in its changes; an assessment's
            // events, and its children's (answers, findings…) through the assessment. The append-only trigger is lifted for
            // this one statement and put back as it was (docs/security.md, Audit trail integrity: the column is an index
            // outside the hash). New events get the column from the audit interceptor (AuditSubjects).
            migrationBuilder.Sql("""DROP TRIGGER "AuditEvents_NoUpdate";""");
            migrationBuilder.Sql("""
                UPDATE "AuditEvents" SET "SupplierKey" = CASE
                    WHEN "EntityType" = 'Supplier' THEN lower("EntityKey")
                    WHEN NOT json_valid("Changes") THEN NULL
                    WHEN coalesce(json_extract("Changes", '$.SupplierId.after'), json_extract("Changes", '$.SupplierId.before')) IS NOT NULL
                        THEN lower(coalesce(json_extract("Changes", '$.SupplierId.after'), json_extract("Changes", '$.SupplierId.before')))
                    WHEN "EntityType" = 'Assessment'
                        THEN (SELECT lower(a."SupplierId") FROM "Assessments" AS a WHERE a."Id" = upper("AuditEvents"."EntityKey"))
                    WHEN coalesce(json_extract("Changes", '$.AssessmentId.after'), json_extract("Changes", '$.AssessmentId.before')) IS NOT NULL
                        THEN (SELECT lower(a."SupplierId") FROM "Assessments" AS a
                              WHERE a."Id" = upper(coalesce(json_extract("Changes", '$.AssessmentId.after'), json_extract("Changes", '$.AssessmentId.before'))))
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'Audit events are append-only: UPDATE and DELETE on AuditEvents are refused'); END;
                """);
            // ---- End of the hand-written backfill ----------------------------------------------------------------------

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SupplierKey_Id",
                table: "AuditEvents",
                columns: new[] { "SupplierKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_SupplierKey_Id",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "SupplierKey",
                table: "AuditEvents");
        }
    }
}
