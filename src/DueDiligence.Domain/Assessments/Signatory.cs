namespace DueDiligence.Domain.Assessments;

/// <summary>The executive who signs a decision, and the executive they sign for under a delegation (null when for themselves).</summary>
public sealed record Signatory(Actor Actor, Actor? OnBehalfOf = null)
{
    /// <summary>The executive the sign-off counts for: the delegator when signed on their behalf.</summary>
    public Actor OfRecord => OnBehalfOf ?? Actor;
}
