using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>One supplier as the register file lists it: its whole profile and the worst country where our IP would be.</summary>
public sealed record SupplierExportRow(Supplier Supplier, CountryRisk WorstJurisdiction)
{
    public double Exposure => ScoringPolicy.Default.ExposurePerSensitivityLevel * Supplier.MaxSensitivity;

    /// <summary>The sites as the supplier page lists them: by country name, then city.</summary>
    public IEnumerable<Site> Sites => Supplier.Sites.OrderBy(s => s.Country.Name, Countries.NameOrder).ThenBy(s => s.City, StringComparer.Ordinal);

    public IEnumerable<Subcontractor> Subcontractors => Supplier.Subcontractors.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Country.Value, StringComparer.Ordinal);

    public IEnumerable<Contact> Contacts => Supplier.Contacts.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Email, StringComparer.Ordinal);

    /// <summary>The most sensitive first, as on the supplier page.</summary>
    public IEnumerable<ExposureItem> ExposureItems => Supplier.Exposure.OrderByDescending(e => e.Sensitivity).ThenBy(e => e.Category);
}

/// <summary>
/// The supplier register as a spreadsheet: every supplier the list's filters match, not one page. Every role that
/// reads the register may export it. A read only: nothing is saved, so it leaves no audit event.
/// </summary>
public sealed class SupplierExport(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, JurisdictionRiskLookup jurisdictions, TimeProvider time)
{
    public async Task<IReadOnlyList<SupplierExportRow>> RowsAsync(SupplierFilter filter, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SupplierQueries.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suppliers = await (await filter.ApplyAsync(db, time.Today(), cancellationToken)).AsNoTracking()
            .Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Contacts).Include(s => s.Exposure)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var risks = (await jurisdictions.ForAsync(suppliers.SelectMany(s => s.ExposureCountries()).Distinct(), cancellationToken))
            .ToDictionary(r => r.Jurisdiction.Country);
        return suppliers.Select(s => new SupplierExportRow(s, CountryRisk.Worst(s.ExposureCountries().Select(c => risks[c]))!)).ToList();
    }

    /// <summary>The download's name, dated so that successive exports do not overwrite each other: suppliers-2026-11-23.csv.</summary>
    public string FileName(string extension) => $"suppliers-{IsoDates.Day(time.Today())}.{extension}";
}
