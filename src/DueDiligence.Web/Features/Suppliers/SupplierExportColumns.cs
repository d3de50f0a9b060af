using DueDiligence.Domain.Scoring;

using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// A column of the register export: its header, its width in a spreadsheet (in characters) and its value for a supplier.
/// A value is text, a whole number (int), a figure shown with one decimal (double), a date (DateOnly) or null.
/// </summary>
internal sealed record SupplierExportColumn(string Header, double Width, Func<SupplierExportRow, object?> Value);

/// <summary>The columns of the register export, the same in the CSV and the Excel file.</summary>
internal static class SupplierExportColumns
{
    public static readonly IReadOnlyList<SupplierExportColumn> All =
    [
        new("Legal name", 42, r => r.LegalName),
        new("Registration no.", 20, r => r.RegistrationNumber),
        new("DUNS", 12, r => r.Duns),
        new("LEI", 24, r => r.Lei),
        new("VAT", 16, r => r.VatNumber),
        new("HQ country code", 10, r => r.HqCountry.Value),
        new("HQ country", 18, r => r.HqCountry.Name),
        new("Kind", 22, r => SupplierLabels.Of(r.Category)),
        new("Status", 24, r => SupplierLabels.Of(r.Status)),
        new("Owner", 20, r => r.OwnerName),
        new("Site countries", 16, r => r.SiteCountries.Count == 0 ? null : string.Join("; ", r.SiteCountries)),
        new("Highest sensitivity", 11, r => r.MaxSensitivity == 0 ? null : r.MaxSensitivity),
        new("Exposure E", 11, r => Display.Round1(r.Exposure)),
        new("Worst jurisdiction", 20, r => r.WorstJurisdiction.Jurisdiction.Name),
        new("J", 8, r => Display.Round1(r.WorstJurisdiction.Risk.Value)),
        new("Level", 11, r => r.WorstJurisdiction.Risk.IsUnknown ? "Unknown" : r.WorstJurisdiction.Risk.Level.ToString()),
        new("Latest tier", 11, r => r.LatestTier?.ToString()),
        new("Latest R", 9, r => r.LatestResidualRisk is { } risk ? Display.Round1(risk) : null),
        new("Reassessment due", 14, r => r.ReassessmentDueOn),
    ];
}
