using DueDiligence.Domain.Common;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>
/// Changing a project's bill of materials: the project's owner and collaborators, while it is open, add, change and
/// remove components and give each to a candidate of the project or keep it in-house. Every change is audited.
/// </summary>
public sealed class PlannerCommands(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<PlannerComponentInput> validator)
{
    public async Task<Guid> AddAsync(Guid projectId, PlannerComponentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Organiser);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectAsync(db, projectId, cancellationToken);
        var component = new ProductComponent(project.Id, Spec(project, input));
        db.ProductComponents.Add(component);
        await db.SaveChangesAsync(cancellationToken);
        return component.Id;
    }

    public async Task UpdateAsync(PlannerComponentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Organiser);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var component = await ComponentAsync(db, input.Id ?? Guid.Empty, cancellationToken);
        if (component.Version != input.Version)
        {
            throw new ConcurrencyConflictException(Conflict(component.Name));
        }

        var project = await ProjectAsync(db, component.SourcingProjectId, cancellationToken);
        component.Update(Spec(project, input));
        await db.SaveOrConflictAsync(Conflict(component.Name), cancellationToken);
    }

    public async Task RemoveAsync(Guid componentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Organiser);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var component = await ComponentAsync(db, componentId, cancellationToken);
        await ProjectAsync(db, component.SourcingProjectId, cancellationToken);
        db.ProductComponents.Remove(component);
        await db.SaveOrConflictAsync(Conflict(component.Name), cancellationToken);
    }

    /// <summary>The project, once the user is found on its team and it is still open.</summary>
    private async Task<SourcingProject> ProjectAsync(AppDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        var project = await db.SourcingProjects.AsNoTracking().Include(p => p.Candidates).Include(p => p.Collaborators).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new DomainException("This sourcing project no longer exists.");
        RecordAccess.RequireTeamMember(await currentUser.GetPrincipalAsync(), project, SourcingAccess.ChangeAction);
        if (project.Status != SourcingStatus.Open)
        {
            throw new DomainException("The partner of this project has been chosen; the project is closed.");
        }

        return project;
    }

    private static async Task<ProductComponent> ComponentAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ProductComponents.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw new DomainException("This component is no longer in the project's bill of materials.");

    private static ComponentSpec Spec(SourcingProject project, PlannerComponentInput input)
    {
        if (input.SupplierId is { } supplierId && project.Candidates.All(c => c.SupplierId != supplierId))
        {
            throw new DomainException("Give the component to a candidate of this project, or keep it in-house.");
        }

        return new ComponentSpec(input.Name, input.Sensitivity, input.HoldsFirmware, input.HoldsFormulas, input.HoldsDesignKnowHow, input.SupplierId);
    }

    private static string Conflict(string name) =>
        $"“{name}” was changed by someone else after you opened the planner. Nothing was saved: reload the page, then try again.";
}
