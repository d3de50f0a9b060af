using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Account;

/// <summary>
/// Counts password checks per account in the database, atomically, so that parallel attempts on one or several app
/// instances never check more than the lockout limit. A check is counted before it runs (the account's
/// <c>AccessFailedCount</c> holds failures plus checks in progress); a right password sets the count back to zero, a
/// wrong one leaves it counted and locks the account once the limit is reached. Each write is one conditional UPDATE
/// on the state just read, so of two attempts that read the same state only one counts; the other reads again.
/// </summary>
public sealed class SignInAttempts(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>How long an attempt waits for checks in progress to finish when they fill the limit (200 × 25 ms).</summary>
    private const int WaitRounds = 200;

    private static readonly TimeSpan WaitRound = TimeSpan.FromMilliseconds(25);

    private int Limit => identity.Value.Lockout.MaxFailedAccessAttempts;

    /// <summary>
    /// True when the password may be checked: the account is not locked and a check is counted. While checks in progress
    /// fill the limit, waits for them (a right password frees its place); checks that never finish (an instance stopped
    /// mid-check) end up counted as failures.
    /// </summary>
    public async Task<bool> TryStartCheckAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var round = 0; round < WaitRounds;)
        {
            var state = await ReadAsync(db, userId, cancellationToken);
            if (state is null || state.LockoutEnd > clock.GetUtcNow())
            {
                return false;
            }

            // A lock that has run out starts a new count.
            var failures = state.LockoutEnd is null ? state.AccessFailedCount : 0;
            if (failures >= Limit)
            {
                round++;
                await Task.Delay(WaitRound, cancellationToken);
                continue;
            }

            if (await WhereUnchanged(db, userId, state).ExecuteUpdateAsync(
                    set => set.SetProperty(u => u.AccessFailedCount, failures + 1).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null),
                    cancellationToken) == 1)
            {
                return true;
            }
        }

        await LockIfLimitReachedAsync(userId, cancellationToken);
        return false;
    }

    /// <summary>The right password: earlier failures no longer count.</summary>
    public async Task SucceededAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, 0), cancellationToken);
    }

    /// <summary>
    /// A right password when a code is asked next (two-factor accounts): frees the place its check took but clears no
    /// failures, so wrong codes stay counted until a right code (<see cref="SucceededAsync"/>).
    /// </summary>
    public async Task PassedFirstStepAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId && u.AccessFailedCount > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount - 1), cancellationToken);
    }

    /// <summary>A wrong password (already counted when its check started): locks the account when the limit is reached.</summary>
    public Task<bool> FailedAsync(string userId, CancellationToken cancellationToken = default) =>
        LockIfLimitReachedAsync(userId, cancellationToken);

    /// <summary>True when this call locked the account.</summary>
    private async Task<bool> LockIfLimitReachedAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var state = await ReadAsync(db, userId, cancellationToken);
            var now = clock.GetUtcNow();
            if (state is null || state.LockoutEnd > now || state.AccessFailedCount < Limit)
            {
                return false;
            }

            var lockedUntil = now + identity.Value.Lockout.DefaultLockoutTimeSpan;
            // A new security stamp: the lock ends the account's open sessions for good, not only while it lasts.
            var (stamp, concurrency) = (SessionValidity.NewStamp(), Guid.NewGuid().ToString());
            if (await WhereUnchanged(db, userId, state).ExecuteUpdateAsync(
                    set => set.SetProperty(u => u.LockoutEnd, lockedUntil).SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.SecurityStamp, stamp)
                        .SetProperty(u => u.ConcurrencyStamp, concurrency),
                    cancellationToken) == 1)
            {
                return true;
            }
        }
    }

    private static Task<LockoutState?> ReadAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new LockoutState(u.AccessFailedCount, u.LockoutEnd))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The account, only if nobody changed its count or lock since <paramref name="state"/> was read.</summary>
    private static IQueryable<AppUser> WhereUnchanged(AppDbContext db, string userId, LockoutState state) =>
        db.Users.Where(u => u.Id == userId && u.AccessFailedCount == state.AccessFailedCount && u.LockoutEnd == state.LockoutEnd);

    private sealed record LockoutState(int AccessFailedCount, DateTimeOffset? LockoutEnd);
}
