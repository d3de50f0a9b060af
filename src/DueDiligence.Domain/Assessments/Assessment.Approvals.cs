using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

public sealed partial class Assessment
{
    /// <summary>The approvals given since the assessment was last forwarded, oldest first: they count towards the decision.</summary>
    public IReadOnlyList<DecisionSignOff> PendingApprovals =>
        Status == AssessmentStatus.AwaitingDecision ? _signOffs.Where(static s => s.IsApproval && !s.Superseded).ToList() : [];

    /// <summary>
    /// The pending approval that stops <paramref name="signerId"/> from approving for <paramref name="ofRecordId"/>: each
    /// approval must come from a different executive, so neither the signing executive nor the one they sign for may have
    /// approved already, in their own name or through a delegation. Null when they may approve.
    /// </summary>
    public DecisionSignOff? EarlierApprovalOf(string? signerId, string? ofRecordId)
    {
        string?[] people = [signerId, ofRecordId];
        return PendingApprovals.FirstOrDefault(a => people.Contains(a.ById) || people.Contains(a.OfRecordId));
    }

    private void CheckNotYetApprovedBy(Signatory signatory)
    {
        var earlier = EarlierApprovalOf(signatory.Actor.Id, signatory.OfRecord.Id);
        if (earlier is null)
        {
            return;
        }

        var who = earlier.OfRecordId == signatory.OfRecord.Id && earlier.ById == signatory.Actor.Id ? "You have" : $"{earlier.SignedBy} has";
        throw new DomainException(
            $"{who} already approved this assessment ({AssessmentWording.Date(earlier.AtUtc)}); the next approval must come from a different executive.");
    }

    private static string? CheckJustification(ApprovalRule rule, string? justification) => rule.JustificationRequired
        ? Text.Required(justification, $"Approving at tier {rule.Tier} needs a written justification: say why the supplier may proceed despite this risk.", 4000)
        : Text.Optional(justification, 4000);

    /// <summary>A return to draft starts the decision afresh: the approvals given so far no longer count, but stay on record.</summary>
    private void SupersedePendingSignOffs()
    {
        foreach (var approval in PendingApprovals)
        {
            approval.Supersede();
        }
    }
}
