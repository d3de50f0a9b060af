using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>
/// Reads a supplier's agreements (checklist, contracting entity, "enforceable where?", suggested conditions) and its
/// release ledger with the flags of each release.
/// </summary>
public sealed class AgreementQueries(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AssessmentQueries assessments, TimeProvider time)
{
    public async Task<SupplierAgreements?> AgreementsAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AgreementAccess.Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await LoadSupplierAsync(db, supplierId, cancellationToken);
        if (supplier is null)
        {
            return null;
        }

        var library = await db.Clauses.AsNoTracking().OrderBy(c => c.Order).ToListAsync(cancellationToken);
        var target = await TargetAsync(db, supplierId, user, cancellationToken);
        var existing = target.AssessmentId is { } assessmentId
            ? await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).SelectMany(a => a.Conditions.Select(c => c.Description)).ToListAsync(cancellationToken)
            : [];
        var convention = await NewYorkConventionYears.LoadAsync(db, cancellationToken);
        var views = (await AgreementsOfAsync(db, supplierId, cancellationToken))
            .Select(a => View(a, supplier, library, existing.ToHashSet(StringComparer.Ordinal), convention))
            .ToList();
        return new SupplierAgreements(
            supplier.Id, supplier.LegalName, AgreementAccess.CanEdit(user, supplier), AgreementAccess.CanOpenFiles(user, supplier), views, library, target);
    }

    public async Task<SupplierReleases?> ReleasesAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AgreementAccess.Readers);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplier = await LoadSupplierAsync(db, supplierId, cancellationToken);
        if (supplier is null)
        {
            return null;
        }

        var agreements = await AgreementsOfAsync(db, supplierId, cancellationToken);
        var rows = await RowsAsync(db, supplierId, agreements, cancellationToken);
        var approvers = await ApproversAsync(db, cancellationToken);
        return new SupplierReleases(
            supplier.Id, supplier.LegalName, AgreementAccess.CanEdit(user, supplier), AgreementAccess.CanOpenFiles(user, supplier), rows,
            agreements.Select(a => new AgreementOption(a.Id, a.Title)).ToList(), approvers);
    }

    /// <summary>For the executive risk summary: every agreement, and the releases that are flagged.</summary>
    public async Task<AgreementsReport> ReportAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        var agreements = await AgreementsAsync(supplierId, cancellationToken);
        var releases = await ReleasesAsync(supplierId, cancellationToken);
        return new AgreementsReport(agreements?.Agreements ?? [], releases?.Rows.Where(r => r.Flags.Count > 0).ToList() ?? [], releases?.Rows.Count ?? 0);
    }

    /// <summary>The users who may approve a release: legal reviewers and executives whose accounts are active.</summary>
    internal static async Task<IReadOnlyList<ApproverOption>> ApproversAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        string[] roles = [AppRoles.LegalReviewer, AppRoles.Executive];
        var roleIds = await db.Roles.AsNoTracking().Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(m => m.UserId == u.Id && roleIds.Contains(m.RoleId)))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return accounts.Where(u => u.LockoutEnd != AppUser.AdministratorLockEnd)
            .Select(u => new ApproverOption(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    internal async Task<IReadOnlyList<ReleaseRow>> RowsAsync(AppDbContext db, Guid supplierId, IReadOnlyList<Agreement> agreements, CancellationToken cancellationToken)
    {
        var releases = await db.FileReleases.AsNoTracking().Where(r => r.SupplierId == supplierId).ToListAsync(cancellationToken);
        var standing = await StandingAsync(db, supplierId, cancellationToken);
        var today = time.Today();
        return releases
            .OrderByDescending(r => r.ReleasedOn).ThenByDescending(r => r.RecordedAtUtc)
            .Select(r => new ReleaseRow(r, agreements.FirstOrDefault(a => a.Id == r.AgreementId)?.Title, ReleaseFlags.Of(r, agreements, standing, today)))
            .ToList();
    }

    internal static async Task<Supplier?> LoadSupplierAsync(AppDbContext db, Guid supplierId, CancellationToken cancellationToken) =>
        await db.Suppliers.AsNoTracking().Include(s => s.Sites).Include(s => s.Collaborators).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == supplierId, cancellationToken);

    internal static async Task<List<Agreement>> AgreementsOfAsync(AppDbContext db, Guid supplierId, CancellationToken cancellationToken) =>
        (await db.Agreements.AsNoTracking().Include(a => a.Clauses).Where(a => a.SupplierId == supplierId).ToListAsync(cancellationToken))
            .OrderBy(a => a.SignedOn is null).ThenBy(a => a.SignedOn).ThenBy(a => a.Title, StringComparer.CurrentCulture)
            .ToList();

    /// <summary>The condition a missing clause suggests, word for word, so that an added one is recognised.</summary>
    internal static string ConditionText(Agreement agreement, Clause clause) =>
        $"Add a “{clause.Name}” clause to “{agreement.Title}” ({AgreementWording.Of(agreement.Kind)}) with {agreement.ContractingEntity}: the clause checklist marks it missing.";

    private static AgreementView View(
        Agreement agreement, Supplier supplier, IReadOnlyList<Clause> library, IReadOnlySet<string> existing, Func<CountryCode, NewYorkConventionStatus> convention)
    {
        var seat = SupplierSeat.Of(supplier);
        var lines = ClauseReview.Lines(agreement, library);
        var suggestions = lines.Where(l => l.IsGap)
            .Select(l => ConditionText(agreement, l.Clause))
            .Zip(lines.Where(l => l.IsGap), (text, line) => new SuggestedCondition(agreement.Id, line.Clause.Id, text, existing.Contains(text)))
            .ToList();
        return new AgreementView(agreement, lines, seat.ContractingEntityFlags(agreement), EnforceabilityCheck.Of(agreement, seat, convention), suggestions);
    }

    private static async Task<ConditionTarget> TargetAsync(AppDbContext db, Guid supplierId, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var open = await db.Assessments.AsNoTracking()
            .Where(a => a.SupplierId == supplierId && (a.Status == AssessmentStatus.LegalReview || a.Status == AssessmentStatus.AwaitingDecision))
            .OrderByDescending(a => a.CreatedAtUtc)
            .Select(a => new { a.Id, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (open is null)
        {
            return new ConditionTarget(null, null, false, "Contract conditions are set while an assessment is in legal review or awaits its decision; this supplier has none at that step now.");
        }

        var canAdd = user.IsInRole(AppRoles.LegalReviewer) || (user.IsInRole(AppRoles.Executive) && open.Status == AssessmentStatus.AwaitingDecision);
        return new ConditionTarget(open.Id, open.Status, canAdd, canAdd ? null : "Legal reviewers add contract conditions (executives too while the assessment awaits their decision).");
    }

    /// <summary>Whether the supplier has a decision, and whether its latest assessment has a knock-out nobody waived.</summary>
    private async Task<SupplierStanding> StandingAsync(AppDbContext db, Guid supplierId, CancellationToken cancellationToken)
    {
        var latest = await db.Assessments.AsNoTracking().Where(a => a.SupplierId == supplierId)
            .OrderByDescending(a => a.CreatedAtUtc).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var decided = await db.Assessments.AsNoTracking().AnyAsync(a => a.SupplierId == supplierId && a.Status == AssessmentStatus.Decided, cancellationToken);
        var view = latest is { } id ? await assessments.GetAsync(id, cancellationToken) : null;
        return new SupplierStanding(decided, view?.Score.HasUnwaivedKnockOut ?? false);
    }
}
