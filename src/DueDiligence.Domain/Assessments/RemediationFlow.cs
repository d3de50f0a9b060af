using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// The follow-up rules that contract conditions and findings share: open → in progress → met/resolved, waived with a reason
/// from open or in progress, reopened from any other status. Each item maps its own statuses onto these stages.
/// </summary>
internal static class RemediationFlow
{
    internal enum Stage
    {
        Open,
        InProgress,
        Done,
        Waived,
    }

    /// <summary>The step that moves an item from one stage to another, with the waiver's reason; refuses a move the rules do not allow.</summary>
    /// <param name="item">How messages name the item: condition “Sign the NDA”.</param>
    /// <param name="doneWord">What done is for this item: "met", "resolved".</param>
    public static (RemediationAction Action, string? Reason) Check(string item, Stage from, Stage to, string? reason, string doneWord)
    {
        if (from == to)
        {
            throw new DomainException($"The {item} is already {Word(to, doneWord)}.");
        }

        return to switch
        {
            Stage.InProgress when from != Stage.Open =>
                throw new DomainException($"The {item} is {Word(from, doneWord)}; reopen it before starting work on it again."),
            Stage.InProgress => (RemediationAction.Started, null),
            Stage.Done or Stage.Waived when from is Stage.Done or Stage.Waived =>
                throw new DomainException($"The {item} is {Word(from, doneWord)}; reopen it first."),
            Stage.Done => (RemediationAction.Completed, null),
            Stage.Waived => (RemediationAction.Waived, Text.Required(reason, $"Say why the {item} is waived.", 2000)),
            _ => (RemediationAction.Reopened, null),
        };
    }

    /// <summary>Whether the item still needs work: open or in progress.</summary>
    public static bool IsOutstanding(Stage stage) => stage is Stage.Open or Stage.InProgress;

    /// <summary>Overdue: still outstanding and due before <paramref name="today"/> (due today is not overdue yet).</summary>
    public static bool IsOverdue(Stage stage, DateOnly? dueOn, DateOnly today) => IsOutstanding(stage) && dueOn is { } due && due < today;

    private static string Word(Stage stage, string doneWord) => stage switch
    {
        Stage.Open => "open",
        Stage.InProgress => "in progress",
        Stage.Done => doneWord,
        _ => "waived",
    };
}
