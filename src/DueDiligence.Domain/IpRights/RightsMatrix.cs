using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.IpRights;

/// <summary>
/// For one supplier: which of our rights protect each IP asset kind we would hand over, in each country where it would be
/// exposed (HQ, sites, subcontractors that handle our IP), and the gaps in plain words with the cheapest route to close them.
/// </summary>
public sealed record RightsMatrix(
    IReadOnlyList<MatrixCountry> Countries, IReadOnlyList<MatrixRow> Rows, IReadOnlyList<RightsGap> Gaps, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Builds the matrix. Rows are the asset kinds of the supplier's exposure profile; columns its exposure countries.
    /// Copyright and trade secrets are listed in the rows but never reported as "not registered" (<see cref="IpRightKinds.IsRegistered"/>).
    /// </summary>
    public static RightsMatrix For(Supplier supplier, IReadOnlyList<IpRight> rights, IReadOnlyDictionary<CountryCode, CountryTreaties> treaties, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        var countries = supplier.ExposureSources()
            .GroupBy(s => s.Country)
            .Select(g => new MatrixCountry(g.Key, [.. g.Select(s => s.Description)]))
            .ToList();
        var assets = supplier.Exposure
            .GroupBy(e => e.Category)
            .Select(g => (Asset: g.Key, Sensitivity: g.Max(e => e.Sensitivity)))
            .OrderByDescending(a => a.Sensitivity).ThenBy(a => a.Asset)
            .ToList();

        var rows = assets.Select(a =>
        {
            var protecting = rights.Where(r => r.Protects.Contains(a.Asset)).OrderBy(r => r.Kind).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
            return new MatrixRow(
                a.Asset,
                a.Sensitivity,
                [.. countries.Select(c => new MatrixCell(c.Country, [.. protecting.Where(r => IpRightKinds.IsRegistered(r.Kind)).Select(r => new RightInCell(r, r.StatusIn(c.Country, today)))]))],
                [.. protecting.Where(r => !IpRightKinds.IsRegistered(r.Kind))]);
        }).ToList();

        var gaps = new List<RightsGap>();
        var notes = new List<string>();
        foreach (var row in rows)
        {
            var label = AssetLabels.Of(row.Asset);
            if (row.Cells.All(c => c.Rights.Count == 0) && row.UnregisteredRights.Count == 0)
            {
                gaps.Add(new RightsGap(null, null, $"Nothing in our register protects {label.ToLowerInvariant()}: record the rights that do, or the agreements and measures that keep it secret."));
            }
            else if (row.UnregisteredRights.Count > 0)
            {
                var kinds = string.Join(" and ", row.UnregisteredRights.Select(r => IpRightKinds.Noun(r.Kind)).Distinct());
                notes.Add($"{label} {(row.Cells.Any(c => c.Rights.Count > 0) ? "are also" : "are")} protected as {kinds}: not a registered right, so the protection depends on the agreements and the measures in place, not on a registration in each country.");
            }
        }

        var registered = rows.SelectMany(r => r.Cells.SelectMany(c => c.Rights.Select(x => x.Right))).Distinct().OrderBy(r => r.Kind).ThenBy(r => r.Title, StringComparer.Ordinal);
        foreach (var right in registered)
        {
            var protects = assets.Where(a => right.Protects.Contains(a.Asset)).Select(a => AssetLabels.Of(a.Asset).ToLowerInvariant()).ToList();
            if (right.Countries.Count > 0 && right.Countries.All(c => c.StatusOn(today) == RightStatus.Expired))
            {
                // A lapsed right cannot be extended to another country: one gap says it protects nothing any more.
                gaps.Add(new RightsGap(right, null, GapWording.Lapsed(right, protects, today)));
                continue;
            }

            foreach (var country in countries)
            {
                var status = right.StatusIn(country.Country, today);
                if (status != RightStatus.Registered)
                {
                    treaties.TryGetValue(country.Country, out var data);
                    gaps.Add(new RightsGap(right, country.Country, GapWording.Describe(right, protects, country.Country, status, data, today)));
                }
            }
        }

        return new RightsMatrix(countries, rows, gaps, notes);
    }
}

/// <summary>A country of the matrix and why it counts ("HQ", "site: Bac Ninh", "subcontractor …").</summary>
public sealed record MatrixCountry(CountryCode Country, IReadOnlyList<string> Roles);

/// <summary>An asset kind we would hand over: its registered rights per country and the unregistered rights that also protect it.</summary>
public sealed record MatrixRow(IpAssetCategory Asset, int Sensitivity, IReadOnlyList<MatrixCell> Cells, IReadOnlyList<IpRight> UnregisteredRights);

/// <summary>The registered rights that protect a row's asset, with their status in the cell's country.</summary>
public sealed record MatrixCell(CountryCode Country, IReadOnlyList<RightInCell> Rights);

public sealed record RightInCell(IpRight Right, RightStatus Status);

/// <summary>A gap in plain words; Right and Country are null when nothing in the register protects an asset at all.</summary>
public sealed record RightsGap(IpRight? Right, CountryCode? Country, string Text);
