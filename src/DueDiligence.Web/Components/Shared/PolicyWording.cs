using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// What a scoring policy does, in words, for the screens and reports that say which policy a figure comes from: live
/// scores use <see cref="ScoringPolicy.Default"/>; a stored snapshot keeps the policy it was computed with.
/// </summary>
public static class PolicyWording
{
    /// <summary>One line about the policy, for a tooltip or a report's method appendix.</summary>
    public static string Describe(string policyId) =>
        policyId == ScoringPolicy.Ipdd20261.Id
            ? "The first policy: J over the HQ and site countries; tiers and levels decided on the unrounded values; “what would change the tier” lists every answer short of its best."
            : policyId == ScoringPolicy.Ipdd20262.Id
                ? "J over the HQ, the sites and every subcontractor handling our IP (or not confirmed); tiers and levels decided on values rounded to 6 decimals; “what would change the tier” lists only answers that lower R."
                : "A policy other than the published ones; its parameters are listed with the score.";

    /// <summary>The countries whose worst J the policy takes.</summary>
    public static string JurisdictionCountries(string policyId) =>
        policyId == ScoringPolicy.Ipdd20261.Id
            ? "the HQ and site countries"
            : "the HQ, site and IP-handling subcontractor countries";

    /// <summary>How the policy decides tiers from R.</summary>
    public static string TierDecision(ScoringPolicy policy) =>
        policy.DecisionDecimals is { } decimals
            ? $"tiers and levels are decided on values rounded to {decimals} decimals"
            : "tiers and levels are decided on the unrounded values";

    /// <summary>What “what would change the tier” says when no single better answer lowers R.</summary>
    public const string NoTierChange = "No single better answer would lower the residual risk.";
}
