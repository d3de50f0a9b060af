using System.Globalization;

namespace DueDiligence.Domain.Sourcing;

/// <summary>
/// The partitioning planner ("last-mile manufacturing"): how much of the design each candidate supplier, each family of
/// suppliers (same HQ country) and in-house would see, and what to keep in-house or split so that no single party or
/// family holds the whole design. Each component weighs its sensitivity (1–5); a party's share is the weight of the
/// components it would make over the weight of all components. The rules, in order:
/// <list type="number">
/// <item>Keep in-house every sensitivity-5 component that holds firmware, formulas or design know-how and is given to a supplier.</item>
/// <item>Split a supplier whose share is more than <see cref="ShareLimitPercent"/>%: name its heaviest components that must go elsewhere to bring it to the limit or below.</item>
/// <item>The same for a family of two or more suppliers (a lone supplier's family is the supplier itself).</item>
/// <item>When two or more components hold know-how and one supplier or family would make all of them, give one to another family or keep it in-house.</item>
/// </list>
/// </summary>
public sealed class PartitioningPlan
{
    /// <summary>The most of the design one party or family may see; a share above it is flagged. Exactly half is allowed.</summary>
    public const double ShareLimitPercent = 50;

    private PartitioningPlan(int totalWeight, PartyShare inHouse, IReadOnlyList<PartyShare> suppliers, IReadOnlyList<PartyShare> families, IReadOnlyList<PlanAdvice> advice)
    {
        TotalWeight = totalWeight;
        InHouse = inHouse;
        Suppliers = suppliers;
        Families = families;
        Advice = advice;
    }

    public int TotalWeight { get; }

    public PartyShare InHouse { get; }

    /// <summary>Every party with at least one component, largest share first.</summary>
    public IReadOnlyList<PartyShare> Suppliers { get; }

    /// <summary>Every family with at least one component, largest share first.</summary>
    public IReadOnlyList<PartyShare> Families { get; }

    public IReadOnlyList<PlanAdvice> Advice { get; }

    /// <summary>Weighs the components; every supplier a component is given to must be among <paramref name="parties"/>.</summary>
    public static PartitioningPlan Compute(IReadOnlyList<PlanComponent> components, IReadOnlyList<PlanParty> parties)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(parties);
        var byId = parties.ToDictionary(p => p.SupplierId);
        var missing = components.FirstOrDefault(c => c.SupplierId is { } id && !byId.ContainsKey(id));
        if (missing is not null)
        {
            throw new ArgumentException($"“{missing.Name}” is given to a supplier that is not listed.", nameof(parties));
        }

        var total = components.Sum(c => c.Weight);
        var given = components.Where(c => c.SupplierId is not null).ToList();
        var suppliers = given.GroupBy(c => c.SupplierId!.Value)
            .Select(g => Share(byId[g.Key].Name, 1, [.. g], total)).OrderByDescending(s => s.Weight).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var familyGroups = given.GroupBy(c => byId[c.SupplierId!.Value].FamilyKey).ToList();
        var families = familyGroups
            .Select(g => Share(byId[g.First().SupplierId!.Value].FamilyName, g.Select(c => c.SupplierId).Distinct().Count(), [.. g], total))
            .OrderByDescending(s => s.Weight).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var inHouse = Share("In-house", 0, [.. components.Where(c => c.SupplierId is null)], total);

        var advice = new List<PlanAdvice>();
        foreach (var component in given.Where(c => c.Sensitivity == 5 && c.HoldsKnowHow))
        {
            advice.Add(new(PlanAdviceKind.KeepInHouse,
                $"Keep “{component.Name}” in-house: it is sensitivity 5 and holds {component.KnowHowText}, and {byId[component.SupplierId!.Value].Name} would make it."));
        }

        foreach (var group in given.GroupBy(c => c.SupplierId!.Value))
        {
            var advise = Split(PlanAdviceKind.SplitParty, byId[group.Key].Name, [.. group], total);
            if (advise is not null)
            {
                advice.Add(advise);
            }
        }

        foreach (var group in familyGroups.Where(g => g.Select(c => c.SupplierId).Distinct().Count() > 1))
        {
            var advise = Split(PlanAdviceKind.SplitFamily, byId[group.First().SupplierId!.Value].FamilyName, [.. group], total);
            if (advise is not null)
            {
                advice.Add(advise);
            }
        }

        var knowHow = components.Where(c => c.HoldsKnowHow).ToList();
        if (knowHow.Count >= 2 && knowHow.All(c => c.SupplierId is not null))
        {
            var holder = knowHow.Select(c => c.SupplierId).Distinct().Count() == 1 ? byId[knowHow[0].SupplierId!.Value].Name
                : knowHow.Select(c => byId[c.SupplierId!.Value].FamilyKey).Distinct().Count() == 1 ? byId[knowHow[0].SupplierId!.Value].FamilyName
                : null;
            if (holder is not null)
            {
                advice.Add(new(PlanAdviceKind.SplitKnowHow,
                    $"{holder} would hold every know-how component ({Names(knowHow)}): give one of them to a supplier in another country or keep it in-house."));
            }
        }

        return new PartitioningPlan(total, inHouse, suppliers, families, advice);
    }

    /// <summary>"62.5 %" as shown on screen and on paper.</summary>
    public static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static PartyShare Share(string name, int suppliers, List<PlanComponent> components, int total) => new(
        name,
        total == 0 ? 0 : 100.0 * components.Sum(c => c.Weight) / total,
        components.Sum(c => c.Weight),
        suppliers,
        [.. components.Select(c => c.Name)],
        [.. components.Where(c => c.Sensitivity == 5).Select(c => c.Name)],
        [.. components.Where(c => c.HoldsKnowHow).Select(c => c.Name)]);

    /// <summary>Over the limit: the heaviest components (then by name) that must leave the party to bring it to the limit or below.</summary>
    private static PlanAdvice? Split(PlanAdviceKind kind, string party, List<PlanComponent> components, int total)
    {
        var weight = components.Sum(c => c.Weight);
        if (100.0 * weight / total <= ShareLimitPercent)
        {
            return null;
        }

        var moved = new List<PlanComponent>();
        foreach (var component in components.OrderByDescending(c => c.Weight).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            if (100.0 * weight / total <= ShareLimitPercent)
            {
                break;
            }

            moved.Add(component);
            weight -= component.Weight;
        }

        var where = kind == PlanAdviceKind.SplitParty ? "another supplier" : "a supplier in another country";
        return new(kind,
            $"Split: {party} would see {Percent(100.0 * components.Sum(c => c.Weight) / total)} of the design, more than {Percent(ShareLimitPercent)}. " +
            $"Give {Names(moved)} to {where} or keep {(moved.Count == 1 ? "it" : "them")} in-house to bring it to {Percent(100.0 * weight / total)}.");
    }

    private static string Names(IEnumerable<PlanComponent> components) => string.Join(", ", components.Select(c => $"“{c.Name}”"));
}
