using DueDiligence.Domain.Common;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>
/// Running a sourcing project: an analyst creates it and owns it; its owner and collaborators change it and its
/// candidates; the executive records the chosen partner and the decision memo, which closes the project.
/// </summary>
public sealed class SourcingCommands(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<SourcingProjectInput> projectValidator,
    IValidator<PartnerChoiceInput> choiceValidator, TimeProvider time)
{
    public async Task<Guid> CreateAsync(SourcingProjectInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Organiser);
        await projectValidator.ValidateAndThrowAsync(input, cancellationToken);
        var principal = await currentUser.GetPrincipalAsync();
        var project = new SourcingProject(input.Name, input.Need, (await currentUser.GetUserIdAsync())!, AppClaims.DisplayNameOf(principal), time.UtcNow());

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.SourcingProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project.Id;
    }

    public async Task UpdateAsync(SourcingProjectInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Organiser);
        await projectValidator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await LoadAsync(db, input.Id ?? Guid.Empty, input.Version, cancellationToken);
        await RequireTeamMemberAsync(project);
        project.Rename(input.Name, input.Need);
        await db.SaveOrConflictAsync(ConflictMessage(project.Name), cancellationToken);
    }

    public async Task AddCandidateAsync(Guid projectId, Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Organiser);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await LoadAsync(db, projectId, version: null, cancellationToken);
        await RequireTeamMemberAsync(project);
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, cancellationToken))
        {
            throw new DomainException("This supplier is not in the register; choose one from the list.");
        }

        project.AddCandidate(supplierId, await ActorNameAsync(), time.UtcNow());
        await db.SaveOrConflictAsync(ConflictMessage(project.Name), cancellationToken);
    }

    public async Task RemoveCandidateAsync(Guid projectId, Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Organiser);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await LoadAsync(db, projectId, version: null, cancellationToken);
        await RequireTeamMemberAsync(project);
        project.RemoveCandidate(supplierId);
        await db.SaveOrConflictAsync(ConflictMessage(project.Name), cancellationToken);
    }

    /// <summary>Records the partner and memo against the ranking of the stored assessments, never one the page sends.</summary>
    public async Task ChoosePartnerAsync(PartnerChoiceInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Approver);
        await choiceValidator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await LoadAsync(db, input.ProjectId, input.Version, cancellationToken);
        var comparison = await PartnerComparisonBuilder.BuildAsync(db, project.Candidates.Select(c => c.SupplierId).ToList(), cancellationToken);
        project.ChoosePartner(input.SupplierId!.Value, input.Memo, comparison.Ranking, await ActorNameAsync(), time.UtcNow());
        await db.SaveOrConflictAsync(ConflictMessage(project.Name), cancellationToken);
    }

    private static async Task<SourcingProject> LoadAsync(AppDbContext db, Guid id, Guid? version, CancellationToken cancellationToken)
    {
        var project = await db.SourcingProjects.Include(p => p.Candidates).Include(p => p.Collaborators).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new DomainException("This sourcing project no longer exists.");
        if (version is not null && project.Version != version)
        {
            throw new ConcurrencyConflictException(ConflictMessage(project.Name));
        }

        return project;
    }

    private async Task RequireTeamMemberAsync(SourcingProject project) =>
        RecordAccess.RequireTeamMember(await currentUser.GetPrincipalAsync(), project, SourcingAccess.ChangeAction);

    private async Task<string> ActorNameAsync() => AppClaims.DisplayNameOf(await currentUser.GetPrincipalAsync());

    private static string ConflictMessage(string name) =>
        $"“{name}” was changed by someone else after you opened it (a candidate added or removed, or the partner chosen). Nothing was saved: reload the page to see the current comparison, then try again.";
}
