using DueDiligence.Domain.Jurisdictions;

namespace DueDiligence.Domain.Scoring;

/// <summary>Every parameter of the scoring model; a score snapshot stores the policy it was computed with.</summary>
/// <remarks>Plain numbers only, so the record serialises to JSON as it is.</remarks>
public sealed record ScoringPolicy
{
    /// <summary>
    /// SCORING.md policy <c>ipdd-2026.1</c>, the first one: tiers and levels on unrounded values, §7 lists every improvable question.
    /// A snapshot stored under it reads back with these values (it predates the properties 2026.2 added).
    /// </summary>
    public static ScoringPolicy Ipdd20261 { get; } = new();

    /// <summary>
    /// SCORING.md policy <c>ipdd-2026.2</c>, the published default for live scores and new snapshots: tiers, J levels and
    /// every §7 R′ decided on values rounded to 6 decimals, and §7 lists only questions that lower R. Its other change,
    /// subcontractors handling our IP in the worst J, lies in the countries given (<c>Supplier.ExposureCountries()</c>).
    /// </summary>
    public static ScoringPolicy Ipdd20262 { get; } = Ipdd20261 with
    {
        Id = "ipdd-2026.2",
        DecisionDecimals = 6,
        TierChangesOnlyReductions = true,
    };

    /// <summary>The policy of live scores and new snapshots.</summary>
    public static ScoringPolicy Default => Ipdd20262;

    public string Id { get; init; } = "ipdd-2026.1";

    /// <summary>
    /// Tiers, J levels and §7 reductions are decided on values rounded to this many decimals (midpoint away from zero), so
    /// that a value exactly on a boundary in exact arithmetic (100 × (1 − 0.8) = 19.999999999999996) lands in the higher
    /// tier; null decides on the unrounded value (2026.1).
    /// </summary>
    public int? DecisionDecimals { get; init; }

    /// <summary>§7 lists only questions whose best answer lowers R (after the rounding above); false lists every improvable one (2026.1).</summary>
    public bool TierChangesOnlyReductions { get; init; }

    // §1 Answer ratings

    /// <summary>A date at least this many days after the as-of date rates 1.</summary>
    public int DateFullRatingDays { get; init; } = 90;

    /// <summary>The rating of a date after the as-of date but sooner than <see cref="DateFullRatingDays"/>.</summary>
    public double DateExpiringSoonRating { get; init; } = 0.5;

    // §2 Evidence confidence

    public bool EvidenceConfidenceEnabled { get; init; } = true;

    public double VerifiedEvidenceConfidence { get; init; } = 1.0;

    public double UnverifiedEvidenceConfidence { get; init; } = 0.8;

    public double MissingEvidenceConfidence { get; init; } = 0.5;

    // §4 Knock-outs

    public bool KnockOutsEnabled { get; init; } = true;

    // §5 Jurisdiction risk

    public double Ustr301PriorityForeignCountryRisk { get; init; } = 100;

    public double Ustr301PriorityWatchListRisk { get; init; } = 75;

    public double Ustr301WatchListRisk { get; init; } = 50;

    public double Ustr301NotListedRisk { get; init; }

    public double EuPriority1Risk { get; init; } = 100;

    public double EuPriority2Risk { get; init; } = 70;

    public double EuPriority3Risk { get; init; } = 40;

    public double EuNotListedRisk { get; init; }

    public double Ustr301Weight { get; init; } = 0.30;

    public double EuPriorityWeight { get; init; } = 0.20;

    public double CpiWeight { get; init; } = 0.20;

    public double WgiRuleOfLawWeight { get; init; } = 0.30;

    /// <summary>The WGI estimate range is ±this value; risk = (bound − estimate) / (2 × bound) × 100.</summary>
    public double WgiRuleOfLawBound { get; init; } = 2.5;

    public double LegalRatingLowValue { get; init; } = 15;

    public double LegalRatingModerateValue { get; init; } = 40;

    public double LegalRatingHighValue { get; init; } = 65;

    public double LegalRatingSevereValue { get; init; } = 90;

    /// <summary>J used when a country has neither an indicator nor a legal rating.</summary>
    public double UnknownJurisdictionRisk { get; init; } = 50;

    public double JurisdictionModerateFrom { get; init; } = 25;

    public double JurisdictionHighFrom { get; init; } = 50;

    public double JurisdictionSevereFrom { get; init; } = 75;

    // §6 Exposure, inherent and residual risk

    /// <summary>E = this × the highest sensitivity (1–5) of the IP shared.</summary>
    public double ExposurePerSensitivityLevel { get; init; } = 20;

    /// <summary>I = E × (<see cref="InherentBaseFactor"/> + <see cref="InherentJurisdictionFactor"/> × J / 100).</summary>
    public double InherentBaseFactor { get; init; } = 0.5;

    public double InherentJurisdictionFactor { get; init; } = 0.5;

    /// <summary>R = I × (1 − this × C / 100): how much of the inherent risk perfect controls remove.</summary>
    public double ControlEffectiveness { get; init; } = 0.8;

    public double TierMediumFrom { get; init; } = 20;

    public double TierHighFrom { get; init; } = 40;

    public double TierCriticalFrom { get; init; } = 60;

    public int ReassessmentMonthsLow { get; init; } = 36;

    public int ReassessmentMonthsMedium { get; init; } = 24;

    public int ReassessmentMonthsHigh { get; init; } = 12;

    public int ReassessmentMonthsCritical { get; init; } = 12;

    /// <summary>A figure as tiers and levels judge it: rounded to <see cref="DecisionDecimals"/> when the policy says so.</summary>
    public double ForDecision(double value)
    {
        return DecisionDecimals is { } decimals && double.IsFinite(value) ? Math.Round(value, decimals, MidpointRounding.AwayFromZero) : value;
    }

    /// <summary>The tier a residual risk falls in, knock-outs aside; decided on <see cref="ForDecision"/> of the value.</summary>
    public RiskTier TierFor(double residualRisk)
    {
        residualRisk = ForDecision(residualRisk);
        return residualRisk >= TierCriticalFrom ? RiskTier.Critical
            : residualRisk >= TierHighFrom ? RiskTier.High
            : residualRisk >= TierMediumFrom ? RiskTier.Medium
            : RiskTier.Low;
    }

    public JurisdictionLevel JurisdictionLevelFor(double jurisdictionRisk)
    {
        jurisdictionRisk = ForDecision(jurisdictionRisk);
        return jurisdictionRisk >= JurisdictionSevereFrom ? JurisdictionLevel.Severe
            : jurisdictionRisk >= JurisdictionHighFrom ? JurisdictionLevel.High
            : jurisdictionRisk >= JurisdictionModerateFrom ? JurisdictionLevel.Moderate
            : JurisdictionLevel.Low;
    }

    public double LegalRatingValue(LegalRating rating)
    {
        return rating switch
        {
            LegalRating.Low => LegalRatingLowValue,
            LegalRating.Moderate => LegalRatingModerateValue,
            LegalRating.High => LegalRatingHighValue,
            LegalRating.Severe => LegalRatingSevereValue,
            _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown legal rating."),
        };
    }

    public int ReassessmentMonths(RiskTier tier)
    {
        return tier switch
        {
            RiskTier.Low => ReassessmentMonthsLow,
            RiskTier.Medium => ReassessmentMonthsMedium,
            RiskTier.High => ReassessmentMonthsHigh,
            RiskTier.Critical => ReassessmentMonthsCritical,
            _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
        };
    }

    public static Recommendation RecommendationFor(RiskTier tier)
    {
        return tier switch
        {
            RiskTier.Low => Recommendation.Proceed,
            RiskTier.Medium => Recommendation.ProceedWithConditions,
            RiskTier.High => Recommendation.ProceedWithExecutiveApproval,
            RiskTier.Critical => Recommendation.DoNotProceed,
            _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
        };
    }
}
