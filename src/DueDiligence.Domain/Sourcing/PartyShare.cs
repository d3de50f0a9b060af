namespace DueDiligence.Domain.Sourcing;

/// <summary>
/// What one party (a supplier, a family of suppliers, or in-house) would see: its share of the design in percent, the
/// components it would make, and among them the sensitivity-5 and know-how ones, named.
/// </summary>
public sealed record PartyShare(
    string Name, double SharePercent, int Weight, int Suppliers, IReadOnlyList<string> Components, IReadOnlyList<string> SensitivityFive, IReadOnlyList<string> KnowHow)
{
    /// <summary>More than <see cref="PartitioningPlan.ShareLimitPercent"/>: the party would see most of the design.</summary>
    public bool OverLimit => SharePercent > PartitioningPlan.ShareLimitPercent;
}

/// <summary>What the planner advises: keep a component in-house, or split what one party or family would see.</summary>
public enum PlanAdviceKind
{
    KeepInHouse,
    SplitParty,
    SplitFamily,
    SplitKnowHow,
}

/// <summary>One piece of advice, in words.</summary>
public sealed record PlanAdvice(PlanAdviceKind Kind, string Text);
