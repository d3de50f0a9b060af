using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence;

/// <summary>Saving with the conflict of a concurrent edit turned into a message for the user.</summary>
public static class SaveChangesExtensions
{
    public static async Task SaveOrConflictAsync(this AppDbContext db, string conflictMessage, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(conflictMessage);
        }
    }
}
