using System.Globalization;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>One supplier as the register export lists it.</summary>
public sealed record SupplierExportRow(
    string LegalName, string? RegistrationNumber, string? Duns, string? Lei, string? VatNumber, CountryCode HqCountry,
    SupplierCategory Category, SupplierStatus Status, string OwnerName, IReadOnlyList<CountryCode> SiteCountries, int MaxSensitivity,
    CountryRisk WorstJurisdiction, RiskTier? LatestTier, double? LatestResidualRisk, DateOnly? ReassessmentDueOn)
{
    public double Exposure => ScoringPolicy.Default.ExposurePerSensitivityLevel * MaxSensitivity;
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
        var suppliers = await (await filter.ApplyAsync(db, jurisdictions, time.Today(), cancellationToken)).AsNoTracking()
            .Select(s => new
            {
                s.LegalName,
                s.RegistrationNumber,
                s.Duns,
                s.Lei,
                s.VatNumber,
                s.HqCountry,
                s.Category,
                s.Status,
                s.OwnerName,
                s.LatestTier,
                s.LatestResidualRisk,
                s.ReassessmentDueOn,
                MaxSensitivity = s.Exposure.Max(e => (int?)e.Sensitivity) ?? 0,
                SiteCountries = s.Sites.Select(site => site.Country).ToList(),
            })
            .ToListAsync(cancellationToken);

        var countries = suppliers.SelectMany(s => s.SiteCountries.Prepend(s.HqCountry)).Distinct();
        var risks = (await jurisdictions.ForAsync(countries, cancellationToken)).ToDictionary(r => r.Jurisdiction.Country);
        return suppliers.Select(s => new SupplierExportRow(
                s.LegalName, s.RegistrationNumber, s.Duns, s.Lei, s.VatNumber, s.HqCountry, s.Category, s.Status, s.OwnerName,
                s.SiteCountries.Distinct().OrderBy(c => c.Value, StringComparer.Ordinal).ToList(), s.MaxSensitivity,
                CountryRisk.Worst(s.SiteCountries.Prepend(s.HqCountry).Distinct().Select(c => risks[c]))!,
                s.LatestTier, s.LatestResidualRisk, s.ReassessmentDueOn))
            .ToList();
    }

    /// <summary>The download's name, dated so that successive exports do not overwrite each other: suppliers-2026-11-23.csv.</summary>
    public string FileName(string extension) => $"suppliers-{time.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
}
