using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// One executive's approval or rejection of an assessment awaiting a decision. An approval that is not the last one
/// needed keeps the assessment awaiting the next; the one that completes the count, or any rejection, decides.
/// </summary>
public sealed class DecisionSignOff
{
    private DecisionSignOff()
    {
    }

    internal DecisionSignOff(DecisionOutcome outcome, string rationale, string? justification, Signatory signatory, ScoreResult score, int requiredApprovals, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        Outcome = outcome;
        Rationale = rationale;
        Justification = justification;
        ById = signatory.Actor.Id;
        ByName = signatory.Actor.Name;
        OnBehalfOfId = signatory.OnBehalfOf?.Id;
        OnBehalfOfName = signatory.OnBehalfOf?.Name;
        Tier = score.Tier;
        ResidualRisk = score.ResidualRisk;
        RequiredApprovals = requiredApprovals;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    public string Rationale { get; private set; } = "";

    /// <summary>Why the supplier may proceed at this tier, where the approval rule asks for it.</summary>
    public string? Justification { get; private set; }

    /// <summary>The executive who signed.</summary>
    public string ById { get; private set; } = "";

    public string ByName { get; private set; } = "";

    /// <summary>The delegator the executive signed for; null when they signed for themselves.</summary>
    public string? OnBehalfOfId { get; private set; }

    public string? OnBehalfOfName { get; private set; }

    public RiskTier Tier { get; private set; }

    public double ResidualRisk { get; private set; }

    /// <summary>The approvals the rule for <see cref="Tier"/> asked for when this one was given.</summary>
    public int RequiredApprovals { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>True once the assessment went back to draft after this sign-off: it no longer counts towards a decision.</summary>
    public bool Superseded { get; private set; }

    public bool IsApproval => Outcome != DecisionOutcome.Rejected;

    /// <summary>The executive the sign-off counts for.</summary>
    public string OfRecordId => OnBehalfOfId ?? ById;

    /// <summary>"Eve Executive", or "Bo Board on behalf of Eve Executive".</summary>
    public string SignedBy => OnBehalfOfName is null ? ByName : $"{ByName} on behalf of {OnBehalfOfName}";

    internal void Supersede() => Superseded = true;
}
