namespace DueDiligence.Domain.Sourcing;

/// <summary>A component as the partitioning plan weighs it.</summary>
public sealed record PlanComponent(string Name, int Sensitivity, bool HoldsFirmware, bool HoldsFormulas, bool HoldsDesignKnowHow, Guid? SupplierId)
{
    /// <summary>Holds firmware, formulas or design know-how: what lets a party copy the product rather than make a part of it.</summary>
    public bool HoldsKnowHow => HoldsFirmware || HoldsFormulas || HoldsDesignKnowHow;

    /// <summary>The component's weight in the shares: its sensitivity, 1–5.</summary>
    public int Weight => Sensitivity;

    /// <summary>"firmware, formulas": what know-how it holds, in words.</summary>
    public string KnowHowText => string.Join(", ", new[] { (HoldsFirmware, "firmware"), (HoldsFormulas, "formulas"), (HoldsDesignKnowHow, "design know-how") }
        .Where(k => k.Item1).Select(k => k.Item2));
}

/// <summary>A candidate supplier and its family: suppliers headquartered in the same country count as one family.</summary>
public sealed record PlanParty(Guid SupplierId, string Name, string FamilyKey, string FamilyName);
