using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// The agreements demo, on the supplier in legal review (Waferlink, Taiwan with a site in Vietnam): an NNN with
/// arbitration seated in Singapore whose award would have to be enforced in Taiwan, not a New York Convention party;
/// its checklist finds the tooling clause missing, which suggests a condition; and a sensitivity-5 release of the ASIC
/// layout sent a week before the NNN was signed. Made only when the supplier has no agreement yet.
/// </summary>
public static class DemoAgreements
{
    public const string Supplier = DemoAssessmentStories.LegalReviewSupplier;

    public const string NnnTitle = "NNN for ASIC packaging";

    public const string EarlyReleaseFile = "WL-ASIC-7 layout rev C.gds";

    private const int SignedDaysAgo = 40;

    public static async Task SeedAsync(AppDbContext db, UserManager<AppUser> users, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var approver = await users.FindByEmailAsync(DemoUsers.All.First(u => u.Role == AppRoles.LegalReviewer).Email);
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.LegalName == Supplier, cancellationToken);
        if (supplier is null || approver is null || await db.Agreements.AnyAsync(a => a.SupplierId == supplier.Id, cancellationToken))
        {
            return;
        }

        var today = DateOnly.FromDateTime(nowUtc);
        var signed = today.AddDays(-SignedDaysAgo);
        var nnn = new Agreement(supplier.Id, new AgreementDetails(
            AgreementKind.Nnn, NnnTitle, "Meridian Instruments GmbH", supplier.LegalName, CountryCode.Parse("TW"),
            signed, signed, signed.AddYears(5), CountryCode.Parse("SG"), ForumKind.Arbitration, CountryCode.Parse("SG")), "demo", today, nowUtc);
        var clauses = await db.Clauses.AsNoTracking().ToListAsync(cancellationToken);
        var reference = 2;
        foreach (var clause in clauses.Where(c => c.IsExpectedIn(AgreementKind.Nnn)).OrderBy(c => c.Order))
        {
            var missing = clause.Name.StartsWith("Tooling", StringComparison.Ordinal);
            nnn.CheckClause(clause.Id, missing ? ClauseStatus.Missing : ClauseStatus.Present, missing ? null : $"clause {reference++}", "demo", nowUtc);
        }

        db.Agreements.Add(nnn);
        db.FileReleases.Add(new FileRelease(supplier.Id, new ReleaseDetails(
            EarlyReleaseFile, "3f1c9a7e5b2d48c6a0e9f7d1b3c5a7e9f1d3b5c7a9e1f3d5b7c9a1e3f5d7b9c1", IpAssetCategory.DesignFiles, 5,
            signed.AddDays(-7), approver.Id, approver.DisplayName, nnn.Id, today.AddDays(60)), "demo", today, nowUtc));
        await db.SaveChangesAsync(cancellationToken);
    }
}
