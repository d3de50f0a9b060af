using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// The clause library administrators keep: each clause's name, purpose and the kinds of agreement it is expected in.
/// A clause is retired, not deleted, so that checklists naming it keep their meaning. Every change is audited by the save.
/// </summary>
public sealed class ClauseLibrary(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    private const string Conflict = "This clause was changed by someone else a moment ago. Nothing was changed: reload the page, then try again.";

    public async Task<IReadOnlyList<Clause>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Clauses.AsNoTracking().OrderBy(c => c.Order).ToListAsync(cancellationToken);
    }

    public async Task<Clause> AddAsync(string name, string purpose, AgreementKinds expectedIn, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Clauses.Select(c => (int?)c.Order).MaxAsync(cancellationToken) ?? 0;
        var clause = new Clause(name, purpose, expectedIn, order + 1);
        await RequireUniqueAsync(db, clause.Name, null, cancellationToken);
        db.Clauses.Add(clause);
        await db.SaveChangesAsync(cancellationToken);
        return clause;
    }

    public async Task<Clause> UpdateAsync(Guid id, Guid version, string name, string purpose, AgreementKinds expectedIn, bool retired, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clause = await db.Clauses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new DomainException("This clause no longer exists.");
        if (clause.Version != version)
        {
            throw new ConcurrencyConflictException(Conflict);
        }

        clause.Update(name, purpose, expectedIn);
        clause.Retire(retired);
        await RequireUniqueAsync(db, clause.Name, id, cancellationToken);
        await db.SaveOrConflictAsync(Conflict, cancellationToken);
        return clause;
    }

    private static async Task RequireUniqueAsync(AppDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var names = await db.Clauses.Where(c => c.Id != except).Select(c => c.Name).ToListAsync(cancellationToken);
        if (names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"The library already has a clause named “{name}”.");
        }
    }
}
