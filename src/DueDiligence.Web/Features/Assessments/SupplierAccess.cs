using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>What a supplier contact may do through its invitation: only its own assessment, sections and open questions.</summary>
internal static class SupplierAccess
{
    public const string NotInInvitation = "That question is not part of your invitation.";

    /// <summary>The invitation is usable now and belongs to this assessment.</summary>
    public static void RequireUsable(SupplierInvitation invitation, Guid assessmentId, DateTime nowUtc)
    {
        if (invitation.AssessmentId != assessmentId)
        {
            throw new ForbiddenException("Your link is for another questionnaire.");
        }

        if (invitation.RefusalAt(nowUtc) is { } refusal)
        {
            throw new ForbiddenException(refusal);
        }
    }

    /// <summary>The contact may read the question: usable invitation, and the question is in one of its sections.</summary>
    public static void RequireCovers(SupplierInvitation invitation, Assessment assessment, string? questionCode, DateTime nowUtc)
    {
        RequireUsable(invitation, assessment.Id, nowUtc);
        if (assessment.SectionCodeOf(questionCode) is not { } section || !invitation.Covers(section))
        {
            throw new ForbiddenException(NotInInvitation);
        }
    }

    /// <summary>The contact may change the answer: it covers the question, and the contact has not submitted (or it was reopened).</summary>
    public static void RequireCanChange(SupplierInvitation invitation, Assessment assessment, string? questionCode, DateTime nowUtc)
    {
        RequireCovers(invitation, assessment, questionCode, nowUtc);
        if (!invitation.CanChange(questionCode!))
        {
            throw new Domain.Common.DomainException(
                $"You submitted your answers, so {questionCode} is read-only now. If something must change, write to {invitation.InvitedByName}.");
        }
    }
}
