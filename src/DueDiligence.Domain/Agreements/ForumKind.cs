namespace DueDiligence.Domain.Agreements;

/// <summary>Where disputes under an agreement are decided.</summary>
public enum ForumKind
{
    /// <summary>The courts of a country; a judgment is enforced abroad only as the other country's law allows.</summary>
    Courts,

    /// <summary>Arbitration seated in a country; the award is enforced abroad under the New York Convention where it applies.</summary>
    Arbitration,
}
