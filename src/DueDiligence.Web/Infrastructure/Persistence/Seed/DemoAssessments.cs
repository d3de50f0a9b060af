using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// A living workflow for newcomers: assessments of the demo suppliers on the default questionnaire in every state, from
/// a draft in progress to approvals and a rejection, with evidence files, findings, conditions and decisions
/// (<see cref="DemoAssessmentStories"/>). Made only when the database holds no assessment at all.
/// </summary>
public static class DemoAssessments
{
    public static async Task SeedAsync(AppDbContext db, UserManager<AppUser> users, EvidenceStore evidence, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await db.Assessments.AnyAsync(cancellationToken))
        {
            return;
        }

        var team = await DemoTeam.FindAsync(users);
        var defaultName = DefaultTemplateSeed.ReadDefinition().Name;
        var template = await db.TemplateVersions.AsNoTracking()
            .Where(t => t.Name == defaultName && t.Status == TemplateStatus.Published)
            .OrderBy(t => t.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (team is null || template is null)
        {
            return;
        }

        var walk = new DemoAssessmentWalk(evidence, team, nowUtc);
        try
        {
            foreach (var story in DemoAssessmentStories.All)
            {
                var supplier = await db.Suppliers.Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Exposure).AsSplitQuery()
                    .FirstOrDefaultAsync(s => s.LegalName == story.Supplier, cancellationToken);
                if (supplier is null || supplier.Status != SupplierStatus.Prospect)
                {
                    // The register was changed before demo assessments were made: leave that supplier as it is.
                    continue;
                }

                var countries = await CountriesAsync(db, supplier, cancellationToken);
                db.Assessments.Add(await walk.RunAsync(story, template, supplier, countries, cancellationToken));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var key in walk.StoredKeys)
            {
                evidence.Discard(key);
            }

            throw;
        }
    }

    /// <summary>The jurisdiction risk of the countries where the supplier exposes our IP, as the live score reads it.</summary>
    private static async Task<IReadOnlyList<JurisdictionRiskResult>> CountriesAsync(AppDbContext db, Supplier supplier, CancellationToken cancellationToken)
    {
        var wanted = supplier.ExposureCountries();
        var known = await db.Jurisdictions.AsNoTracking().Include(j => j.Indicators).Include(j => j.Ratings).AsSplitQuery()
            .Where(j => wanted.Contains(j.Country)).ToDictionaryAsync(j => j.Country, cancellationToken);
        return wanted.Select(c => CountryRisk.Of(known.GetValueOrDefault(c) ?? new Jurisdiction(c)).Risk).ToList();
    }
}
