using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>What the comparison recommends — rank 1 — and why, in sentences an approver can check against the table.</summary>
public sealed record PartnerRecommendation(CandidateComparison? Candidate, string Headline, IReadOnlyList<string> Reasons, IReadOnlyList<string> Cautions)
{
    public static PartnerRecommendation For(PartnerComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var best = comparison.Best;
        var reasons = new List<string>();
        var cautions = new List<string>();
        if (best is null)
        {
            reasons.Add(comparison.Candidates.Count == 0
                ? "The project has no candidates yet."
                : "No candidate has an assessment without an unwaived knock-out, so none can be ranked.");
        }
        else
        {
            reasons.Add(WhyFirst(best, comparison.Ranked));
            cautions.AddRange(CautionsAbout(best));
        }

        if (comparison.Excluded.Count > 0)
        {
            reasons.Add($"Excluded by an unwaived knock-out: {string.Join("; ", comparison.Excluded.Select(c => $"{c.SupplierName} ({KnockOutCodes(c)})"))}.");
        }

        if (comparison.NotAssessed.Count > 0)
        {
            reasons.Add(Format.Sentence($"Not ranked until assessed: {string.Join("; ", comparison.NotAssessed.Select(c => c.SupplierName))}"));
        }

        var headline = best is null ? "No candidate can be recommended yet" : $"Recommended partner: {best.SupplierName}";
        return new PartnerRecommendation(best, headline, reasons, cautions);
    }

    private static string WhyFirst(CandidateComparison best, IReadOnlyList<CandidateComparison> ranked)
    {
        var r = Format.Figure(best.Ranking.ResidualRisk);
        if (ranked.Count == 1)
        {
            return $"The only candidate that can be ranked: residual risk R {r}.";
        }

        var next = ranked[1];
        var nextR = Format.Figure(next.Ranking.ResidualRisk);
        if (best.Ranking.ResidualRisk < next.Ranking.ResidualRisk)
        {
            return $"Lowest residual risk of the {ranked.Count} ranked candidates: R {r}, against {nextR} for {next.SupplierName} (rank 2).";
        }

        if (best.Ranking.ControlScore > next.Ranking.ControlScore)
        {
            return $"Same residual risk R {r} as {next.SupplierName}; the higher control score decides: C {Format.Figure(best.Ranking.ControlScore)} against {Format.Figure(next.Ranking.ControlScore)}.";
        }

        return $"Same residual risk R {r} and control score C {Format.Figure(best.Ranking.ControlScore)} as {next.SupplierName}; the tie is broken by name.";
    }

    private static IEnumerable<string> CautionsAbout(CandidateComparison best)
    {
        var source = best.Source!;
        if (source.Basis == AssessmentBasis.Submission)
        {
            yield return $"Its assessment is not decided yet: these are the figures submitted on {IsoDates.Day(source.Snapshot.TakenAtUtc)}, before legal review and the approver's decision.";
        }
        else if (source.Assessment.Outcome == DecisionOutcome.Rejected)
        {
            yield return $"Its assessment was decided Rejected on {IsoDates.Day(source.Snapshot.TakenAtUtc)}: choosing it needs a memo that says what has changed.";
        }

        if (best.KnockOuts.Any(k => k.Waived))
        {
            yield return $"It passes only because a knock-out was waived: {string.Join("; ", best.KnockOuts.Where(k => k.Waived).Select(k => k.QuestionCode))}.";
        }

        if (best.Tier is RiskTier.High)
        {
            yield return "Its tier is High: proceed only with executive approval and contract conditions.";
        }
    }

    private static string KnockOutCodes(CandidateComparison candidate) =>
        string.Join(", ", candidate.KnockOuts.Where(k => !k.Waived).Select(k => k.QuestionCode));
}
