using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>A contract condition or a finding as the follow-up panel shows it, with its status in words and whether it is overdue today.</summary>
public sealed record FollowUpEntry(
    FollowUpItem Item, string Description, string? Severity, string Owner, DateOnly? DueOn, string Status, bool IsOpen, bool IsDone, bool Outstanding, bool Overdue,
    string? WaiverReason, IReadOnlyList<RemediationStep> History, IReadOnlyList<FulfilmentEvidence> Evidence, string? OwnerId)
{
    /// <summary>"Mark met" for a condition, "Resolve" for a finding.</summary>
    public string CompleteAction => Item.Kind == FollowUpKind.Condition ? "Mark met" : "Resolve";

    public string Noun => Item.Kind == FollowUpKind.Condition ? "condition" : "finding";

    public static FollowUpEntry Of(ContractCondition condition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(
            new FollowUpItem(FollowUpKind.Condition, condition.Id), condition.Description, null, condition.OwnerLabel, condition.DueOn,
            AuditWording.Words(condition.Status.ToString()), condition.Status == ConditionStatus.Open, condition.Status == ConditionStatus.Met,
            condition.IsOutstanding, condition.IsOverdueOn(today), condition.WaiverReason, condition.History, condition.Evidence, condition.OwnerId);
    }

    public static FollowUpEntry Of(Finding finding, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(
            new FollowUpItem(FollowUpKind.Finding, finding.Id), finding.Description, finding.Severity.ToString(), finding.OwnerLabel, finding.DueOn,
            AuditWording.Words(finding.Status.ToString()), finding.Status == FindingStatus.Open, finding.Status == FindingStatus.Resolved,
            finding.IsOutstanding, finding.IsOverdueOn(today), finding.WaiverReason, finding.History, finding.Evidence, finding.OwnerId);
    }

    /// <summary>What a step of the history says: "Started", "Marked met", "Waived: reason", "Attached audit.pdf".</summary>
    public string Describe(RemediationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Action switch
        {
            RemediationAction.Started => "Started",
            RemediationAction.Completed => Item.Kind == FollowUpKind.Condition ? "Marked met" : "Resolved",
            RemediationAction.Waived => $"Waived: {step.Note}",
            RemediationAction.Reopened => "Reopened",
            _ => $"Attached {step.Note}",
        };
    }
}
