using DueDiligence.Domain.Agreements;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>Starts an empty clause library with <see cref="ClauseLibraryDefaults"/>; once it has clauses, administrators keep it.</summary>
public static class ClauseLibrarySeed
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Clauses.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Clauses.AddRange(ClauseLibraryDefaults.Clauses.Select((c, i) => new Clause(c.Name, c.Purpose, c.ExpectedIn, i + 1)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
