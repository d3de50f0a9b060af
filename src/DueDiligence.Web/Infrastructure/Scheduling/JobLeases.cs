using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Scheduling;

/// <summary>
/// Makes scheduled work run once across app instances: an instance takes a named lease for a while, and only the
/// holder runs the work. Taking is one conditional UPDATE (or the first INSERT), atomic on every provider.
/// </summary>
public sealed class JobLeases(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, InstanceIdentity instance)
{
    /// <summary>The expiry of a lease given up.</summary>
    private static readonly DateTime Released = DateTime.UnixEpoch;

    /// <summary>True when this instance now holds the lease named <paramref name="name"/> for <paramref name="duration"/>.</summary>
    public async Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow();
        var until = now + duration;
        var holder = instance.Name;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await TakeExistingAsync(db, name, holder, now, until, cancellationToken))
            {
                return true;
            }

            if (!await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
            {
                db.JobLeases.Add(new JobLease(name, holder, until));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return true;
                }
                catch (DbUpdateException)
                {
                    // Inserted meanwhile: see below whose it is.
                }
            }
        }

        // The lease was inserted after the first try, by another instance (whose lease it stays) or by another round of
        // this one (ours, then).
        await using var again = await contexts.CreateDbContextAsync(cancellationToken);
        return await TakeExistingAsync(again, name, holder, now, until, cancellationToken);
    }

    private static async Task<bool> TakeExistingAsync(AppDbContext db, string name, string holder, DateTime now, DateTime until, CancellationToken cancellationToken) =>
        await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUtc <= now))
            .ExecuteUpdateAsync(
                set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until).SetProperty(l => l.ReleasedAtUtc, (DateTime?)null),
                cancellationToken) == 1;

    /// <summary>
    /// Gives the lease up early, so that another instance need not wait for it to expire: it is marked as having expired
    /// long ago, not a moment before this instance's "now", so that an instance whose clock is behind takes it at once too.
    /// When it was given up is kept beside it (the System page's "last run ended").
    /// </summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var holder = instance.Name;
        var now = clock.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAtUtc, Released).SetProperty(l => l.ReleasedAtUtc, now), cancellationToken);
    }
}
