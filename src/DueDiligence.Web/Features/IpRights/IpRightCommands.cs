using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>Legal reviewers and administrators add, change and remove rights; every change is audited by the save.</summary>
public sealed class IpRightCommands(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<IpRightInput> validator, TimeProvider time)
{
    public async Task<Guid> AddAsync(IpRightInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Editors);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var right = new IpRight(input.ToDetails(), time.UtcNow());
        db.IpRights.Add(right);
        await db.SaveChangesAsync(cancellationToken);
        return right.Id;
    }

    public async Task UpdateAsync(Guid id, Guid version, IpRightInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Editors);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var right = await LoadAsync(db, id, cancellationToken);
        if (right.Version != version)
        {
            throw new ConcurrencyConflictException(Conflict(right.Title));
        }

        right.Update(input.ToDetails(), time.UtcNow());
        await db.SaveOrConflictAsync(Conflict(right.Title), cancellationToken);
    }

    public async Task RemoveAsync(Guid id, Guid version, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Editors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var right = await LoadAsync(db, id, cancellationToken);
        if (right.Version != version)
        {
            throw new ConcurrencyConflictException(Conflict(right.Title));
        }

        db.IpRights.Remove(right);
        await db.SaveOrConflictAsync(Conflict(right.Title), cancellationToken);
    }

    private static async Task<IpRight> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.IpRights.Include(r => r.Countries).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new DomainException("This right is no longer in the register.");

    private static string Conflict(string title) =>
        $"“{title}” was changed by someone else a moment ago. Nothing was saved: reload the page and make your change again.";
}
