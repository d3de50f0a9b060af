using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Features.Assessments.Approvals;

/// <summary>How an assessment awaiting a decision is decided: the rule of its live tier, and the delegators the current executive may sign for today.</summary>
public sealed record ApprovalContext(ApprovalRule Rule, IReadOnlyList<Actor> ActingFor);

/// <summary>"1 of 2 approvals": the approvals given towards a decision and the number the rule asked for at the last one.</summary>
public sealed record ApprovalProgress(int Given, int Required)
{
    public override string ToString() => $"{Given} of {Required} approvals";
}
