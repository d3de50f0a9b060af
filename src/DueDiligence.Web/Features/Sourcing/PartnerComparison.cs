using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Sourcing;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>A candidate side by side with the others: its place in the ranking and the figures of its latest assessment.</summary>
/// <param name="Score">The kept score of <paramref name="Source"/>; null when the supplier is not assessed yet.</param>
/// <param name="Draft">The draft in progress of a supplier that is not assessed yet, if any.</param>
public sealed record CandidateComparison(RankedCandidate Ranking, CountryCode HqCountry, AssessmentUsed? Source, ScoreResult? Score, AssessmentStamp? Draft)
{
    public Guid SupplierId => Ranking.SupplierId;

    public string SupplierName => Ranking.SupplierName;

    public CandidateStanding Standing => Ranking.Standing;

    /// <summary>Every triggered knock-out, waived ones included (they stay visible), in questionnaire order.</summary>
    public IReadOnlyList<KnockOutHit> KnockOuts => Score?.KnockOuts ?? [];

    /// <summary>The tier that counts: Critical for an excluded candidate, whatever R says.</summary>
    public RiskTier? Tier => Score?.Tier;

    /// <summary>
    /// S of one section as shown: one decimal; "n/a" when the section is left out (no scored, applicable answer);
    /// "—" when it is not in this candidate's questionnaire or the candidate is not assessed.
    /// </summary>
    public string SectionText(string sectionCode) =>
        Score?.Sections.FirstOrDefault(s => s.Code == sectionCode) is { } section ? Format.Figure(section.Score) : "—";
}

/// <summary>A column of the comparison: one questionnaire section.</summary>
public sealed record SectionColumn(string Code, string Title);

/// <summary>The candidates of a project in ranking order (SCORING.md §8): ranked, then not assessed, then excluded.</summary>
public sealed record PartnerComparison(IReadOnlyList<CandidateComparison> Candidates, IReadOnlyList<SectionColumn> Sections)
{
    public IReadOnlyList<CandidateComparison> Ranked => Of(CandidateStanding.Ranked);

    public IReadOnlyList<CandidateComparison> NotAssessed => Of(CandidateStanding.NotAssessed);

    public IReadOnlyList<CandidateComparison> Excluded => Of(CandidateStanding.Excluded);

    /// <summary>Rank 1, or null when no candidate can be ranked.</summary>
    public CandidateComparison? Best => Ranked.FirstOrDefault();

    /// <summary>The ranking as the domain reads it, to check a choice against.</summary>
    public IReadOnlyList<RankedCandidate> Ranking => Candidates.Select(c => c.Ranking).ToList();

    public CandidateComparison? Find(Guid supplierId) => Candidates.FirstOrDefault(c => c.SupplierId == supplierId);

    private List<CandidateComparison> Of(CandidateStanding standing) => Candidates.Where(c => c.Standing == standing).ToList();
}
