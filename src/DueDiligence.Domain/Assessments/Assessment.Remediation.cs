using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

public sealed partial class Assessment
{
    /// <summary>
    /// Moves a contract condition on (start, met, waived with a reason, reopened). Unlike the rest of the assessment, this
    /// goes on after the decision: the decision itself stays as it was.
    /// </summary>
    public ContractCondition ChangeConditionStatus(Guid conditionId, ConditionStatus status, string? reason, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureFollowUp("Contract conditions");
        var condition = FindCondition(conditionId);
        condition.SetStatus(status, reason, actor, nowUtc);
        Touch();
        return condition;
    }

    /// <summary>Moves a finding on (start, resolved, waived with a reason, reopened), also after the decision.</summary>
    public Finding ChangeFindingStatus(Guid findingId, FindingStatus status, string? reason, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureFollowUp("Findings");
        var finding = FindFinding(findingId);
        finding.SetStatus(status, reason, actor, nowUtc);
        Touch();
        return finding;
    }

    /// <summary>Makes a user the owner of a contract condition, from legal review on (the decision included).</summary>
    public ContractCondition AssignCondition(Guid conditionId, string ownerId, string ownerName)
    {
        EnsureFollowUp("Contract conditions");
        var condition = FindCondition(conditionId);
        condition.AssignTo(ownerId, ownerName);
        Touch();
        return condition;
    }

    /// <summary>Makes a user the owner of a finding, from legal review on (the decision included).</summary>
    public Finding AssignFinding(Guid findingId, string ownerId, string ownerName)
    {
        EnsureFollowUp("Findings");
        var finding = FindFinding(findingId);
        finding.AssignTo(ownerId, ownerName);
        Touch();
        return finding;
    }

    /// <summary>Records a file from the evidence store that shows a contract condition met.</summary>
    public FulfilmentEvidence AttachConditionEvidence(Guid conditionId, FulfilmentUpload upload, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureFollowUp("Contract conditions");
        var file = FindCondition(conditionId).Attach(upload, actor, nowUtc);
        Touch();
        return file;
    }

    /// <summary>Records a file from the evidence store that shows a finding resolved.</summary>
    public FulfilmentEvidence AttachFindingEvidence(Guid findingId, FulfilmentUpload upload, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureFollowUp("Findings");
        var file = FindFinding(findingId).Attach(upload, actor, nowUtc);
        Touch();
        return file;
    }

    /// <summary>Conditions and findings are recorded in legal review and followed up from then on, the decision included.</summary>
    private void EnsureFollowUp(string items)
    {
        if (Status is not (AssessmentStatus.LegalReview or AssessmentStatus.AwaitingDecision or AssessmentStatus.Decided))
        {
            throw new DomainException($"{items} are followed up from legal review on; this assessment is {AssessmentWording.Phrase(Status)}.");
        }
    }
}
