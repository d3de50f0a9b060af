namespace DueDiligence.Domain.Agreements;

/// <summary>Where a clause stands in one agreement.</summary>
public enum ClauseStanding
{
    Present,
    Missing,
    NotApplicable,

    /// <summary>Expected in this kind of agreement and not checked yet.</summary>
    NotChecked,
}

/// <summary>One line of the checklist as shown: the clause, whether it is expected here, and what was found.</summary>
public sealed record ClauseLine(Clause Clause, bool Expected, ClauseStanding Standing, string? Reference)
{
    /// <summary>Marked missing: a gap to close by a contract condition.</summary>
    public bool IsGap => Standing == ClauseStanding.Missing;
}

/// <summary>
/// The clause checklist of an agreement: every clause expected in its kind, and every other clause someone checked.
/// Only a clause marked missing is a gap; one expected and not yet checked is work left to do, not a finding.
/// </summary>
public static class ClauseReview
{
    public static IReadOnlyList<ClauseLine> Lines(Agreement agreement, IEnumerable<Clause> library)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var checks = agreement.Clauses.ToDictionary(c => c.ClauseId);
        return library
            .OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(clause =>
            {
                var expected = clause.IsExpectedIn(agreement.Kind);
                return checks.TryGetValue(clause.Id, out var check)
                    ? new ClauseLine(clause, expected, Standing(check.Status), check.Reference)
                    : expected ? new ClauseLine(clause, expected, ClauseStanding.NotChecked, null) : null;
            })
            .OfType<ClauseLine>()
            .ToList();
    }

    private static ClauseStanding Standing(ClauseStatus status) => status switch
    {
        ClauseStatus.Present => ClauseStanding.Present,
        ClauseStatus.Missing => ClauseStanding.Missing,
        _ => ClauseStanding.NotApplicable,
    };
}
