using DueDiligence.Domain.IpRights;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>The rights part of the "Protections in place" page: the supplier's rights matrix in words.</summary>
/// <param name="Countries">The exposure countries, the matrix's columns.</param>
public sealed record ProtectionsInPlace(IReadOnlyList<string> Countries, IReadOnlyList<ProtectionRow> Rows, IReadOnlyList<string> Gaps, IReadOnlyList<string> Notes);

/// <summary>One asset kind we would hand over, and in each country the registered rights that protect it with their status.</summary>
public sealed record ProtectionRow(string Asset, IReadOnlyList<string> Cells);

/// <summary>Turns a supplier's <see cref="RightsMatrix"/> into what the risk summary prints.</summary>
internal static class ProtectionsInPlaceBuilder
{
    public static ProtectionsInPlace Build(RightsMatrix matrix) => new(
        [.. matrix.Countries.Select(c => c.Country.Name)],
        [.. matrix.Rows.Select(r => new ProtectionRow(
            $"{SupplierLabels.Of(r.Asset)} (sensitivity {r.Sensitivity})",
            [.. r.Cells.Select(c => c.Rights.Count == 0 ? "—" : string.Join("; ", c.Rights.Select(x => $"{x.Right.Title}: {RightStatuses.Label(x.Status).ToLowerInvariant()}")))]))],
        [.. matrix.Gaps.Select(g => g.Text)],
        matrix.Notes);
}
