using Microsoft.EntityFrameworkCore.Metadata;

namespace DueDiligence.Web.Infrastructure.Moving;

/// <summary>The tables of the model, each after every table its foreign keys point to.</summary>
public static class TableOrder
{
    public static IReadOnlyList<ITable> PrincipalsFirst(IRelationalModel model)
    {
        var ordered = new List<ITable>();
        var placed = new HashSet<ITable>();
        var remaining = model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || placed.Contains(fk.PrincipalTable))).ToList();
            if (ready.Count == 0)
            {
                throw new MoveDataException($"The foreign keys of {string.Join(", ", remaining.Select(t => t.Name))} form a cycle; these tables cannot be copied in order.");
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready);
            remaining.RemoveAll(placed.Contains);
        }

        if (ordered.FirstOrDefault(t => t.ForeignKeyConstraints.Any(fk => fk.PrincipalTable == t)) is { } selfReferencing)
        {
            throw new MoveDataException($"The table {selfReferencing.Name} refers to itself; its rows cannot be copied in key order.");
        }

        return ordered;
    }
}
