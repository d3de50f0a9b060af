using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>One row of the project list.</summary>
public sealed record SourcingProjectRow(
    Guid Id, string Name, string Need, SourcingStatus Status, int Candidates, string? ChosenPartner, string OwnerName, DateTime CreatedAtUtc, DateTime? DecidedAtUtc);

/// <summary>A project as one user sees it: the need, the comparison of its candidates, the recommendation and what the user may do.</summary>
public sealed record SourcingProjectView(
    SourcingProject Project, PartnerComparison Comparison, PartnerRecommendation Recommendation, CandidateComparison? Chosen, SourcingPermissions Can);

/// <summary>
/// The actions open to the current user on one project: change it and its candidates (owner and collaborators, while
/// it is open), choose the partner (executives), hand it over and choose its collaborators (owner and administrators).
/// </summary>
public sealed record SourcingPermissions(bool ManageCandidates, bool ChoosePartner, bool ManageTeam);

/// <summary>A supplier of the register as the candidate picker offers it.</summary>
public sealed record SupplierOption(Guid Id, string LegalName, CountryCode HqCountry, SupplierStatus Status, RiskTier? LatestTier);

/// <summary>The first matches of a supplier search, and how many suppliers match in all.</summary>
public sealed record SupplierSearchResult(IReadOnlyList<SupplierOption> Options, int Total)
{
    public bool HasMore => Total > Options.Count;
}

/// <summary>Reads sourcing projects for analysts, legal reviewers and executives.</summary>
public sealed class SourcingQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>How many matches the candidate picker lists at once; it says how many more there are.</summary>
    public const int PickerResults = 25;

    public async Task<IReadOnlyList<SourcingProjectRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SourcingProjects.AsNoTracking()
            .OrderBy(p => p.Status == SourcingStatus.Decided).ThenByDescending(p => p.CreatedAtUtc)
            .Select(p => new SourcingProjectRow(
                p.Id, p.Name, p.Need, p.Status, p.Candidates.Count,
                db.Suppliers.Where(s => s.Id == p.ChosenSupplierId).Select(s => s.LegalName).FirstOrDefault(),
                p.OwnerName, p.CreatedAtUtc, p.DecidedAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The project with its comparison, or null when it does not exist.</summary>
    public async Task<SourcingProjectView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.SourcingProjects.AsNoTracking().Include(p => p.Candidates).Include(p => p.Collaborators).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var comparison = await PartnerComparisonBuilder.BuildAsync(db, project.Candidates.Select(c => c.SupplierId).ToList(), cancellationToken);
        var open = project.Status == SourcingStatus.Open;
        var can = new SourcingPermissions(
            ManageCandidates: open && RecordAccess.IsTeamMember(user, project),
            ChoosePartner: open && user.IsInRole(SourcingAccess.Approver),
            ManageTeam: RecordAccess.CanManageTeam(user, project));
        var chosen = project.ChosenSupplierId is { } chosenId ? comparison.Find(chosenId) : null;
        return new SourcingProjectView(project, comparison, PartnerRecommendation.For(comparison), chosen, can);
    }

    /// <summary>
    /// Suppliers of the whole register that could become candidates (not offboarded, not candidates already) whose name
    /// contains the search or whose registration number, DUNS, LEI or VAT number is the search; names in reading order.
    /// Returns the first <paramref name="limit"/> of them and how many match in all, so that the picker can say to narrow the search.
    /// </summary>
    public async Task<SupplierSearchResult> SearchSuppliersAsync(Guid projectId, string? search, int limit = PickerResults, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SourcingAccess.Organiser);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = db.SourcingProjects.Where(p => p.Id == projectId).SelectMany(p => p.Candidates.Select(c => c.SupplierId));
        var query = db.Suppliers.AsNoTracking().Where(s => !taken.Contains(s.Id) && s.Status != SupplierStatus.Offboarded);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var key = Supplier.KeyOf(search);
            var raw = search.Trim();
            var upper = raw.ToUpperInvariant();
            query = query.Where(s => s.LegalNameKey.Contains(key)
                || s.RegistrationNumber == raw || s.Duns == raw || s.Lei == raw || s.Lei == upper || s.VatNumber == raw || s.VatNumber == upper);
        }

        // SQLite orders text by code point; names are sorted here, as a reader expects (Ölwerk with the O's).
        var matches = await query
            .Select(s => new SupplierOption(s.Id, s.LegalName, s.HqCountry, s.Status, s.LatestTier))
            .ToListAsync(cancellationToken);
        return new SupplierSearchResult(
            matches.OrderBy(o => o.LegalName, Format.ReadingOrder).Take(Math.Max(1, limit)).ToList(),
            matches.Count);
    }
}
