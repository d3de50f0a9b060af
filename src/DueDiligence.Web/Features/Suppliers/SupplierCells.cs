namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// The cells of the register file that hold a list (sites, subcontractors, contacts, IP exposure): one entry per line
/// of the cell, its parts separated by "|" ("VN | Bac Ninh | Final assembly"). A "|" inside a part is written twice
/// ("||"); parts at the end may be left out when they are empty.
/// </summary>
internal static class SupplierCells
{
    public const char Separator = '|';

    /// <summary>One line of a list cell: where it is in the cell (1 = first line with text), as written, and its parts.</summary>
    public sealed record Entry(int Number, string Text, IReadOnlyList<string> Parts);

    /// <summary>The cell for these entries, or null when there are none.</summary>
    public static string? Write(IEnumerable<IReadOnlyList<string?>> entries)
    {
        var lines = entries.Select(WriteEntry).ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    public static IReadOnlyList<Entry> Read(string? cell)
    {
        var entries = new List<Entry>();
        if (string.IsNullOrWhiteSpace(cell))
        {
            return entries;
        }

        foreach (var line in cell.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            var text = line.Trim();
            if (text.Length > 0)
            {
                entries.Add(new Entry(entries.Count + 1, text, Parts(text)));
            }
        }

        return entries;
    }

    private static string WriteEntry(IReadOnlyList<string?> parts)
    {
        var last = parts.Count - 1;
        while (last > 0 && string.IsNullOrEmpty(parts[last]))
        {
            last--;
        }

        // A line break inside a part would start a new entry; the form never stores one, an old record might.
        return string.Join($" {Separator} ", parts.Take(last + 1).Select(p => (p ?? "")
            .Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ')
            .Replace("|", "||", StringComparison.Ordinal)));
    }

    private static List<string> Parts(string line)
    {
        var parts = new List<string>();
        var part = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != Separator)
            {
                part.Append(line[i]);
            }
            else if (i + 1 < line.Length && line[i + 1] == Separator)
            {
                part.Append(Separator);
                i++;
            }
            else
            {
                parts.Add(part.ToString().Trim());
                part.Clear();
            }
        }

        parts.Add(part.ToString().Trim());
        return parts;
    }
}
