using DueDiligence.Domain.Common;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>
/// Who runs a sourcing project: its owner or an administrator hands it over to another analyst and adds or removes
/// collaborators. Each change is a change of the project, so the audit trail records it (old and new owner).
/// </summary>
public sealed class SourcingTeam(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>The analysts a project can be handed over to or shared with.</summary>
    public async Task<IReadOnlyList<AnalystOption>> AnalystsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Analysts.ListAsync(db, cancellationToken);
    }

    public async Task HandOverAsync(Guid projectId, Guid version, string newOwnerId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await LoadAsync(db, projectId, cancellationToken);
        RecordAccess.RequireTeamManager(await currentUser.GetPrincipalAsync(), project, "hand over this sourcing project");
        if (project.Version != version)
        {
            throw new ConcurrencyConflictException(ConflictMessage(project.Name));
        }

        var analyst = await Analysts.RequireAsync(db, newOwnerId, cancellationToken);
        project.HandOver(analyst.Id, analyst.Name);
        await db.SaveOrConflictAsync(ConflictMessage(project.Name), cancellationToken);
    }

    public async Task AddCollaboratorAsync(Guid projectId, string userId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await LoadAsync(db, projectId, cancellationToken);
        RecordAccess.RequireTeamManager(await currentUser.GetPrincipalAsync(), project, "choose who collaborates on this sourcing project");
        var analyst = await Analysts.RequireAsync(db, userId, cancellationToken);
        project.AddCollaborator(analyst.Id, analyst.Name);
        await db.SaveOrConflictAsync(ConflictMessage(project.Name), cancellationToken);
    }

    public async Task RemoveCollaboratorAsync(Guid projectId, string userId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst, AppRoles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await LoadAsync(db, projectId, cancellationToken);
        RecordAccess.RequireTeamManager(await currentUser.GetPrincipalAsync(), project, "choose who collaborates on this sourcing project");
        project.RemoveCollaborator(userId);
        await db.SaveOrConflictAsync(ConflictMessage(project.Name), cancellationToken);
    }

    private static async Task<SourcingProject> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.SourcingProjects.Include(p => p.Collaborators).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new DomainException("This sourcing project no longer exists.");

    private static string ConflictMessage(string name) =>
        $"“{name}” was changed by someone else a moment ago. Nothing was changed: reload the page to see who owns it now, then try again.";
}
