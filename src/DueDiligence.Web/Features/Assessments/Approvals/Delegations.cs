using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Approvals;

/// <summary>An executive another executive can delegate to.</summary>
public sealed record ExecutiveOption(string Id, string Name);

/// <summary>A delegation as one of its two executives sees it.</summary>
/// <param name="Given">True when the current user delegated their queue; false when they act for the delegator.</param>
public sealed record DelegationRow(
    Guid Id, string DelegatorName, string DelegateName, DateOnly StartsOn, DateOnly EndsOn, bool Given, bool IsActive, bool IsOver, DateTime? RevokedAtUtc, string? RevokedByName);

/// <summary>
/// Executives delegate their decision queue to another executive for a range of days, and revoke it; the days are read
/// against today's date from <see cref="TimeProvider"/> (UTC). Each change is audited by the save.
/// </summary>
public sealed class Delegations(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>The delegations the current executive gave or received, newest first.</summary>
    public async Task<IReadOnlyList<DelegationRow>> MineAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Executive);
        var me = (await currentUser.GetActorAsync()).Id;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = time.Today();
        var mine = await db.Delegations.AsNoTracking()
            .Where(d => d.DelegatorId == me || d.DelegateId == me)
            .OrderByDescending(d => d.StartsOn).ThenByDescending(d => d.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return mine.Select(d => new DelegationRow(
                d.Id, d.DelegatorName, d.DelegateName, d.StartsOn, d.EndsOn, d.DelegatorId == me, d.IsActiveOn(today), d.EndsOn < today, d.RevokedAtUtc, d.RevokedByName))
            .ToList();
    }

    /// <summary>The other executives, whose accounts an administrator has not locked.</summary>
    public async Task<IReadOnlyList<ExecutiveOption>> OtherExecutivesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Executive);
        var me = (await currentUser.GetActorAsync()).Id;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ExecutivesAsync(db, cancellationToken)).Where(e => e.Id != me).ToList();
    }

    public async Task<DelegationRow> DelegateAsync(string? delegateId, DateOnly startsOn, DateOnly endsOn, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Executive);
        var me = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = (await ExecutivesAsync(db, cancellationToken)).FirstOrDefault(e => e.Id == delegateId)
            ?? throw new DomainException("Choose an executive whose account is active: only executives decide, so only they can take over a decision queue.");
        var involved = await db.Delegations
            .Where(d => d.RevokedAtUtc == null && (d.DelegatorId == me.Id || d.DelegateId == me.Id || d.DelegatorId == chosen.Id))
            .ToListAsync(cancellationToken);
        var delegation = Delegation.Create(me, new Actor(chosen.Id, chosen.Name), startsOn, endsOn, involved, time.UtcNow());
        db.Delegations.Add(delegation);
        await db.SaveChangesAsync(cancellationToken);
        return Row(delegation, me.Id);
    }

    /// <summary>The delegator ends a delegation at once; decisions already taken on their behalf stay as recorded.</summary>
    public async Task<DelegationRow> RevokeAsync(Guid delegationId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Executive);
        var me = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delegation = await db.Delegations.FirstOrDefaultAsync(d => d.Id == delegationId, cancellationToken)
            ?? throw new DomainException("This delegation no longer exists; reload the page.");
        if (delegation.DelegatorId != me.Id)
        {
            throw new ForbiddenException($"Only {delegation.DelegatorName}, who delegated the queue, can revoke this delegation.");
        }

        delegation.Revoke(me, time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Row(delegation, me.Id);
    }

    /// <summary>The names of the executives the current user may sign for today; empty for anyone who is not an executive.</summary>
    public async Task<IReadOnlyList<string>> ActingForTodayAsync(CancellationToken cancellationToken = default)
    {
        if (!await currentUser.IsInRoleAsync(AppRoles.Executive))
        {
            return [];
        }

        var me = (await currentUser.GetActorAsync()).Id;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ActingForAsync(db, me, time.Today(), cancellationToken)).Select(d => d.Name).ToList();
    }

    /// <summary>The executives who have delegated their queue to <paramref name="delegateId"/> today.</summary>
    internal static async Task<IReadOnlyList<Actor>> ActingForAsync(AppDbContext db, string delegateId, DateOnly today, CancellationToken cancellationToken)
    {
        var delegators = await db.Delegations.AsNoTracking()
            .Where(d => d.DelegateId == delegateId && d.RevokedAtUtc == null && d.StartsOn <= today && d.EndsOn >= today)
            .OrderBy(d => d.DelegatorName)
            .Select(d => new { d.DelegatorId, d.DelegatorName })
            .ToListAsync(cancellationToken);
        return delegators.DistinctBy(d => d.DelegatorId).Select(d => new Actor(d.DelegatorId, d.DelegatorName)).ToList();
    }

    private DelegationRow Row(Delegation d, string me)
    {
        var today = time.Today();
        return new(d.Id, d.DelegatorName, d.DelegateName, d.StartsOn, d.EndsOn, d.DelegatorId == me, d.IsActiveOn(today), d.EndsOn < today, d.RevokedAtUtc, d.RevokedByName);
    }

    private static async Task<IReadOnlyList<ExecutiveOption>> ExecutivesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var role = await db.Roles.AsNoTracking().Where(r => r.Name == AppRoles.Executive).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(m => m.UserId == u.Id && m.RoleId == role))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return accounts
            .Where(u => u.LockoutEnd != AppUser.AdministratorLockEnd)
            .Select(u => new ExecutiveOption(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id))
            .OrderBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
