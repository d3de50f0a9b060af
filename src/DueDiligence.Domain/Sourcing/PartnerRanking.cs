namespace DueDiligence.Domain.Sourcing;

/// <summary>What the ranking needs of a candidate: its latest assessment's figures, if it has one.</summary>
/// <param name="ResidualRisk">R of the latest assessment; null when the supplier has none.</param>
/// <param name="ControlScore">C of the latest assessment.</param>
/// <param name="UnwaivedKnockOuts">The questions whose knock-out is triggered and not waived, e.g. "CT-01 Confidentiality agreement".</param>
public sealed record CandidateFigures(Guid SupplierId, string SupplierName, double? ResidualRisk, double? ControlScore, IReadOnlyList<string> UnwaivedKnockOuts);

/// <summary>Where a candidate stands in the comparison.</summary>
public enum CandidateStanding
{
    Ranked,
    NotAssessed,
    Excluded,
}

/// <summary>A candidate with its place: rank 1 is the best partner; excluded and unassessed candidates have no rank.</summary>
public sealed record RankedCandidate(Guid SupplierId, string SupplierName, CandidateStanding Standing, int? Rank, double? ResidualRisk, double? ControlScore, IReadOnlyList<string> KnockOuts);

/// <summary>
/// Ranks the candidates of a sourcing project (SCORING.md §8): by R ascending, then C descending, then supplier name;
/// candidates with an unwaived knock-out come last as Excluded, naming the knock-out. Candidates not yet assessed
/// come after the ranked ones and before the excluded ones.
/// </summary>
public static class PartnerRanking
{
    public static IReadOnlyList<RankedCandidate> Rank(IEnumerable<CandidateFigures> candidates)
    {
        var all = candidates.ToList();
        var ranked = all
            .Where(c => c.ResidualRisk is not null && c.UnwaivedKnockOuts.Count == 0)
            .OrderBy(c => c.ResidualRisk)
            .ThenByDescending(c => c.ControlScore ?? 0)
            .ThenBy(c => c.SupplierName, StringComparer.CurrentCultureIgnoreCase)
            .Select((c, i) => new RankedCandidate(c.SupplierId, c.SupplierName, CandidateStanding.Ranked, i + 1, c.ResidualRisk, c.ControlScore, []));
        var notAssessed = all
            .Where(c => c.ResidualRisk is null && c.UnwaivedKnockOuts.Count == 0)
            .OrderBy(c => c.SupplierName, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new RankedCandidate(c.SupplierId, c.SupplierName, CandidateStanding.NotAssessed, null, null, null, []));
        var excluded = all
            .Where(c => c.UnwaivedKnockOuts.Count > 0)
            .OrderBy(c => c.SupplierName, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new RankedCandidate(c.SupplierId, c.SupplierName, CandidateStanding.Excluded, null, c.ResidualRisk, c.ControlScore, c.UnwaivedKnockOuts));
        return ranked.Concat(notAssessed).Concat(excluded).ToList();
    }
}
