using DueDiligence.Domain.Sourcing;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// The bill of materials of the demo sourcing project: the main board firmware given to Brightpath, which then sees more
/// than half of the design, so the planner advises keeping the firmware in-house and splitting Brightpath's share; the
/// calibration routine stays in-house. Made only when the demo project has no components.
/// </summary>
public static class DemoPlanner
{
    private sealed record Demo(string Name, int Sensitivity, bool Firmware, bool Formulas, bool KnowHow, string? Supplier);

    private static readonly Demo[] All =
    [
        new("Main board firmware", 5, true, false, false, DemoAssessmentStories.ApprovedWithConditionsSupplier),
        new("Housing top and bottom shells", 4, false, false, false, DemoAssessmentStories.ApprovedWithConditionsSupplier),
        new("Keypad and display window", 4, false, false, false, DemoAssessmentStories.ApprovedWithConditionsSupplier),
        new("Sensor calibration routine", 5, false, false, true, null),
        new("DFM review of the full CAD", 4, false, false, true, DemoAssessmentStories.KnockOutSupplier),
        new("Die-cast frame", 2, false, false, false, "Sierra Alloy Castings S.A. de C.V."),
        new("Battery clips and brackets", 1, false, false, false, DemoAssessmentStories.ApprovedSupplier),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var project = await db.SourcingProjects.AsNoTracking().Include(p => p.Candidates).FirstOrDefaultAsync(p => p.Name == DemoSourcing.ProjectName, cancellationToken);
        if (project is null || await db.ProductComponents.AnyAsync(c => c.SourcingProjectId == project.Id, cancellationToken))
        {
            return;
        }

        var candidateIds = project.Candidates.Select(c => c.SupplierId).ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => candidateIds.Contains(s.Id)).Select(s => new { s.Id, s.LegalName }).ToListAsync(cancellationToken);
        foreach (var demo in All)
        {
            // A supplier that is no longer a candidate leaves its component in-house rather than with a stranger to the project.
            var supplierId = suppliers.FirstOrDefault(s => s.LegalName == demo.Supplier)?.Id;
            db.ProductComponents.Add(new ProductComponent(project.Id, new ComponentSpec(demo.Name, demo.Sensitivity, demo.Firmware, demo.Formulas, demo.KnowHow, supplierId)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
