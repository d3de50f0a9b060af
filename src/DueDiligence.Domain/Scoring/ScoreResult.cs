using DueDiligence.Domain.Jurisdictions;

namespace DueDiligence.Domain.Scoring;

/// <summary>A score that explains itself: every intermediate figure, the policy used and what would change the tier.</summary>
/// <remarks>Values are unrounded; round with <see cref="Display.Round1"/> only to show them.</remarks>
public sealed record ScoreResult
{
    public required string PolicyId { get; init; }

    public required ScoringPolicy Policy { get; init; }

    public required DateOnly AsOf { get; init; }

    public required IReadOnlyList<SectionScore> Sections { get; init; }

    /// <summary>False when every section is left out: C is then 0 and the assessment shows "no score".</summary>
    public required bool HasScore { get; init; }

    /// <summary>Control score C (0–100).</summary>
    public required double ControlScore { get; init; }

    /// <summary>Answered required applicable questions / required applicable questions (0–1; 1 when none).</summary>
    public required double Completion { get; init; }

    /// <summary>Share (0–1) of evidence-required applicable questions with unexpired evidence; null ("n/a") when none.</summary>
    public required double? EvidenceCoverage { get; init; }

    /// <summary>Every triggered knock-out, waived or not, in template order.</summary>
    public required IReadOnlyList<KnockOutHit> KnockOuts { get; init; }

    public bool HasUnwaivedKnockOut => KnockOuts.Any(static k => !k.Waived);

    public required int MaxSensitivity { get; init; }

    /// <summary>IP exposure E (0–100).</summary>
    public required double Exposure { get; init; }

    /// <summary>The worst jurisdiction risk J over the countries given (0–100): HQ, sites and, under 2026.2, IP-handling subcontractors.</summary>
    public required double JurisdictionRisk { get; init; }

    /// <summary>The country whose J is the worst; null when no country was given.</summary>
    public required JurisdictionRiskResult? Jurisdiction { get; init; }

    /// <summary>True when J is the policy's default because the driving country (or every country) is unknown.</summary>
    public required bool JurisdictionIsUnknown { get; init; }

    /// <summary>Inherent risk I = E × (0.5 + 0.5 × J / 100).</summary>
    public required double InherentRisk { get; init; }

    /// <summary>Residual risk R = I × (1 − 0.8 × C / 100).</summary>
    public required double ResidualRisk { get; init; }

    /// <summary>The tier R alone falls in, before knock-outs.</summary>
    public required RiskTier TierByScore { get; init; }

    /// <summary>The tier decided: <see cref="TierByScore"/>, or Critical with an unwaived knock-out.</summary>
    public required RiskTier Tier { get; init; }

    public required Recommendation Recommendation { get; init; }

    public required int ReassessmentMonths { get; init; }

    /// <summary>Every improvable question ranked by how much its best answer would reduce R; the UI shows the first five.</summary>
    public required IReadOnlyList<TierChange> WhatWouldChangeTier { get; init; }
}
