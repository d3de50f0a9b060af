using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>
/// What an attacker with the database's owner rights (DDL included) but without the audit chain key can do to the trail:
/// drop the triggers that forbid UPDATE and DELETE, change rows, and recompute every later link by a rule they can compute.
/// </summary>
public static class AuditTampering
{
    /// <summary>Drops the database-level ban (migration AuditChainKeyed) as the table's owner may.</summary>
    public static Task DropAppendOnlyGuardAsync(AppDbContext db, DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => db.Database.ExecuteSqlRawAsync(
            """DROP TRIGGER "AuditEvents_NoUpdateOrDelete" ON "AuditEvents"; DROP TRIGGER "AuditEvents_NoTruncate" ON "AuditEvents";"""),
        DatabaseProvider.SqlServer => db.Database.ExecuteSqlRawAsync("DROP TRIGGER [AuditEvents_AppendOnly];"),
        _ => db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEvents_NoUpdate"; DROP TRIGGER "AuditEvents_NoDelete";"""),
    };

    /// <summary>
    /// Re-links every event from <paramref name="fromId"/> on to the one before it: by rule 1 (SHA-256, which needs no key)
    /// when <paramref name="guessedKey"/> is null, else by rule 2 with that key. Afterwards every link is consistent again.
    /// </summary>
    public static async Task RecomputeFromAsync(AppDbContext db, long fromId, byte[]? guessedKey)
    {
        var signer = new AuditChainSigner(guessedKey ?? new byte[AuditChainSigner.MinimumKeyLength]);
        var version = guessedKey is null ? AuditChainSigner.Unkeyed : AuditChainSigner.Keyed;
        var previous = await db.AuditEvents.AsNoTracking().Where(e => e.Id < fromId).OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync()
            ?? AuditChain.Genesis;
        foreach (var audit in await db.AuditEvents.AsNoTracking().Where(e => e.Id >= fromId).OrderBy(e => e.Id).ToListAsync())
        {
            var hash = signer.Link(version, previous, audit.CanonicalContent());
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "AuditEvents" SET "PreviousHash" = {previous}, "Hash" = {hash}, "ChainVersion" = {version} WHERE "Id" = {audit.Id}""");
            previous = hash;
        }
    }
}
