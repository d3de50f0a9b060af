using System.Text.RegularExpressions;

namespace DueDiligence.Domain.Monitoring;

/// <summary>
/// How a "what changed" entry names the dated changes it holds (evidence expired, a date that knocks out, a condition or
/// finding overdue): each begins with its prefix, and an entry joins several with "; ".
/// </summary>
public static partial class ChangeWording
{
    public const string EvidenceExpired = "Evidence expired: ";
    public const string KnockOut = "Knock-out: ";
    public const string ConditionOverdue = "Condition overdue: ";
    public const string FindingOverdue = "Finding overdue: ";

    private const string Separator = "; ";

    /// <summary>One entry naming these changes, or null when there is none.</summary>
    public static string? Join(IReadOnlyCollection<string> changes) => changes.Count == 0 ? null : string.Join(Separator, changes);

    /// <summary>An entry's words a line each: the changes it names, split where the next one begins (a description may hold "; " too).</summary>
    public static string[] Lines(string what) => NextChange().Split(what);

    // The prefixes hold no character that a regular expression reads otherwise.
    [GeneratedRegex(Separator + "(?=" + EvidenceExpired + "|" + KnockOut + "|" + ConditionOverdue + "|" + FindingOverdue + ")")]
    private static partial Regex NextChange();
}
