using DueDiligence.Domain.Sourcing;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// One open sourcing project over the demo assessments, so that a newcomer sees a comparison with every standing:
/// two ranked candidates decided on (Brightpath, Eastern Seaboard), one excluded by a knock-out (Kinetic refuses our NDA)
/// and one not assessed yet (Sierra Alloy). Made only when no sourcing project exists; left open for the executive to choose.
/// </summary>
public static class DemoSourcing
{
    public const string ProjectName = "HM-4 handheld meter housing";

    private const string Need =
        "Injection-moulded housing for the HM-4 handheld meter, 50k units/yr from Q3: DFM review of our CAD, moulds that stay our property, " +
        "moulding, pad printing and packing.";

    private static readonly string[] Candidates =
    [
        DemoAssessmentStories.ApprovedWithConditionsSupplier,
        DemoAssessmentStories.ApprovedSupplier,
        DemoAssessmentStories.KnockOutSupplier,
        "Sierra Alloy Castings S.A. de C.V.",
    ];

    private const int OpenedDaysAgo = 12;

    public static async Task SeedAsync(AppDbContext db, string ownerId, string ownerName, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await db.SourcingProjects.AnyAsync(cancellationToken))
        {
            return;
        }

        var suppliers = await db.Suppliers.AsNoTracking()
            .Where(s => Candidates.Contains(s.LegalName))
            .Select(s => new { s.Id, s.LegalName })
            .ToListAsync(cancellationToken);
        if (suppliers.Count == 0)
        {
            // The register was changed before the demo project was made: a project without candidates would show nothing.
            return;
        }

        var opened = nowUtc.AddDays(-OpenedDaysAgo);
        var project = new SourcingProject(ProjectName, Need, ownerId, ownerName, opened);
        foreach (var (supplier, order) in suppliers.OrderBy(s => Array.IndexOf(Candidates, s.LegalName)).Select((s, i) => (s, i)))
        {
            project.AddCandidate(supplier.Id, ownerName, opened.AddHours(1 + order));
        }

        db.SourcingProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
    }
}
