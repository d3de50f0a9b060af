using DueDiligence.Domain.Common;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>One component with the name of who would make it.</summary>
public sealed record PlannerRow(ProductComponent Component, string MadeBy);

/// <summary>A candidate a component can be given to.</summary>
public sealed record PlannerParty(Guid SupplierId, string Name, string Family);

/// <summary>The project's bill of materials, the shares and advice of the plan, and whether the user may change it.</summary>
public sealed record PlannerView(Guid ProjectId, IReadOnlyList<PlannerRow> Rows, IReadOnlyList<PlannerParty> Candidates, PartitioningPlan Plan, bool CanEdit);

/// <summary>Reads the partitioning planner of a sourcing project, for everyone who reads the project.</summary>
public sealed class PlannerQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>The planner of the project, or null when the project does not exist.</summary>
    public async Task<PlannerView?> GetAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.SourcingProjects.AsNoTracking().Include(p => p.Candidates).Include(p => p.Collaborators).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var components = await db.ProductComponents.AsNoTracking().Where(c => c.SourcingProjectId == projectId).ToListAsync(cancellationToken);
        var supplierIds = project.Candidates.Select(c => c.SupplierId).Concat(components.Where(c => c.SupplierId is not null).Select(c => c.SupplierId!.Value)).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id))
            .Select(s => new { s.Id, s.LegalName, s.HqCountry }).ToListAsync(cancellationToken);
        var parties = suppliers.Select(s => new PlanParty(s.Id, s.LegalName, s.HqCountry.Value, FamilyName(s.HqCountry.Value))).ToList();
        var names = parties.ToDictionary(p => p.SupplierId, p => p.Name);
        var candidates = parties.Where(p => project.Candidates.Any(c => c.SupplierId == p.SupplierId))
            .OrderBy(p => p.Name, Format.ReadingOrder).Select(p => new PlannerParty(p.SupplierId, p.Name, p.FamilyName)).ToList();
        var rows = components.OrderByDescending(c => c.Sensitivity).ThenBy(c => c.Name, Format.ReadingOrder)
            .Select(c => new PlannerRow(c, c.SupplierId is { } id ? names[id] : "In-house")).ToList();
        var plan = PartitioningPlan.Compute([.. components.Select(c => c.ToPlan())], parties);
        var canEdit = project.Status == SourcingStatus.Open && RecordAccess.IsTeamMember(user, project);
        return new PlannerView(project.Id, rows, candidates, plan, canEdit);
    }

    /// <summary>Suppliers headquartered in one country form a family: "HQ in China".</summary>
    public static string FamilyName(string countryCode) => $"HQ in {Countries.NameOf(countryCode)}";
}
