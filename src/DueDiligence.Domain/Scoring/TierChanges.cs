using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Scoring;

/// <summary>Ranks the questions whose best answer would reduce the residual risk most (SCORING.md §7); under 2026.2 only those that reduce it at all.</summary>
/// <remarks>
/// Giving one question r′ = 1 changes only its own section's weighted sum, so R′ is derived from the
/// tallied sums in constant time per question instead of rescoring the whole template.
/// </remarks>
internal static class TierChanges
{
    // Reductions are compared at this precision so that mathematically equal ones tie (and keep template order)
    // even when floating-point rounding differs in the last bits between sections.
    private const int TieDecimals = 9;

    public static IReadOnlyList<TierChange> Rank(
        TemplateDefinition template,
        SectionScore[] sections,
        ControlTally controls,
        double inherent,
        double residual,
        ScoringPolicy policy)
    {
        if (controls.WeightDenominator <= 0)
        {
            return [];
        }

        var candidates = new List<Candidate>(controls.CountedQuestions);

        var order = 0;
        for (var s = 0; s < sections.Length; s++)
        {
            var section = sections[s];
            if (section.Score is not { } sectionScore)
            {
                continue;
            }

            for (var q = 0; q < section.Questions.Count; q++, order++)
            {
                var question = section.Questions[q];
                if (!question.IsCounted || question.CreditedRating >= 1)
                {
                    continue;
                }

                var sum = controls.SectionWeightedSum[s];
                var weight = controls.SectionCountedWeight[s];
                var improvedSectionScore = ScoringEngine.Percent(100 * (sum + (question.Weight * (1 - question.CreditedRating!.Value))) / weight);
                var improvedControlScore = ScoringEngine.Percent(
                    (controls.WeightedSectionSum + (section.Weight * (improvedSectionScore - sectionScore))) / controls.WeightDenominator);
                var improvedResidual = ScoringEngine.Residual(inherent, improvedControlScore, policy);
                var otherKnockOuts = controls.UnwaivedKnockOuts - (controls.HasUnwaivedKnockOutAt(s, q) ? 1 : 0);
                var reduction = residual - improvedResidual;
                if (policy.TierChangesOnlyReductions && policy.ForDecision(improvedResidual) >= policy.ForDecision(residual))
                {
                    // 2026.2: a better answer that changes nothing (no IP shared, or a rounding hair) is not a way to change the tier.
                    continue;
                }

                candidates.Add(new Candidate(
                    s,
                    q,
                    order,
                    Math.Round(reduction, TieDecimals),
                    improvedResidual,
                    reduction,
                    otherKnockOuts > 0 ? RiskTier.Critical : policy.TierFor(improvedResidual)));
            }
        }

        candidates.Sort(static (a, b) => a.SortKey != b.SortKey ? b.SortKey.CompareTo(a.SortKey) : a.Order.CompareTo(b.Order));

        var changes = new TierChange[candidates.Count];
        for (var i = 0; i < changes.Length; i++)
        {
            var candidate = candidates[i];
            var sectionDefinition = template.Sections[candidate.Section];
            var question = sectionDefinition.Questions[candidate.Question];
            changes[i] = new TierChange
            {
                QuestionCode = question.Code,
                QuestionText = question.Text,
                SectionCode = sectionDefinition.Code,
                SectionTitle = sectionDefinition.Title,
                ResidualRisk = candidate.ResidualRisk,
                Reduction = candidate.Reduction,
                TierReached = candidate.TierReached,
                Mitigation = question.Mitigation,
            };
        }

        return changes;
    }

    private readonly record struct Candidate(
        int Section,
        int Question,
        int Order,
        double SortKey,
        double ResidualRisk,
        double Reduction,
        RiskTier TierReached);
}
