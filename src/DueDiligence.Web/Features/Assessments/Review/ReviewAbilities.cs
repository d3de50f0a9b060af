using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>
/// Which review and decision actions the view offers the current user, from their permissions and the assessment's status.
/// The use cases check again; this only keeps buttons away from people who would be refused.
/// </summary>
/// <param name="Amend">Add and resolve findings, add conditions and mark them met, waive knock-outs.</param>
public sealed record ReviewAbilities(bool TakeIntoReview, bool VerifyEvidence, bool Amend, bool Forward, bool Return, bool Decide)
{
    public static readonly ReviewAbilities None = new(false, false, false, false, false, false);

    public static ReviewAbilities Of(AssessmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var status = view.Assessment.Status;
        if (view.Assessment.IsReadOnly)
        {
            return None;
        }

        // Legal works on an assessment once it has taken it into review; the approver while it awaits the decision.
        var reviewing = view.Can.Review && status == AssessmentStatus.LegalReview;
        var deciding = view.Can.Decide && status == AssessmentStatus.AwaitingDecision;
        return new(
            TakeIntoReview: view.Can.Review && status == AssessmentStatus.Submitted,
            VerifyEvidence: reviewing,
            Amend: reviewing || (deciding && view.Can.ActAsApprover),
            Forward: reviewing,
            Return: view.Can.Review || deciding,
            Decide: deciding);
    }
}
