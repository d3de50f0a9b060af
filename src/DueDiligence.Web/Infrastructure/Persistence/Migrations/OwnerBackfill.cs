namespace DueDiligence.Web.Infrastructure.Persistence.Migrations;

/// <summary>
/// Hand-written data backfill of the migration FindingAndConditionOwners (kept apart so that regenerated model-only
/// migrations can call it again): an owner entered as text before owners were users becomes that user when exactly one
/// account has it as its display name or e-mail (case and surrounding spaces aside), and then shows the user's name.
/// Any other text stays as it is and shows as "Unassigned — was: …". Provider-neutral SQL: quoted identifiers, LOWER,
/// TRIM, CASE and correlated subqueries read the same on SQLite, SQL Server and PostgreSQL.
/// </summary>
public static class OwnerBackfill
{
    public static IEnumerable<string> Statements =>
        new[] { "Findings", "ContractConditions" }.SelectMany(table => new[]
        {
            $"""
            UPDATE "{table}" SET "OwnerId" = (
                SELECT CASE WHEN COUNT(*) = 1 THEN MIN(u."Id") END FROM "AspNetUsers" u
                WHERE LOWER(u."DisplayName") = LOWER(TRIM("{table}"."Owner")) OR LOWER(u."Email") = LOWER(TRIM("{table}"."Owner")))
            WHERE "OwnerId" IS NULL
            """,
            $"""
            UPDATE "{table}" SET "Owner" = (SELECT u."DisplayName" FROM "AspNetUsers" u WHERE u."Id" = "{table}"."OwnerId")
            WHERE "OwnerId" IS NOT NULL AND EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "{table}"."OwnerId" AND u."DisplayName" <> '')
            """,
        });
}
