using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Threads;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>What the assessment page loads to show an analyst's wizard: the calls of the page, the wizard and its panels on first render.</summary>
internal static class AssessmentPageLoad
{
    public static async Task<AssessmentView?> RunAsync(IServiceProvider services, Guid assessmentId)
    {
        var view = await services.GetRequiredService<AssessmentQueries>().GetAsync(assessmentId);
        var invitations = services.GetRequiredService<SupplierInvitations>();
        await invitations.ListAsync(assessmentId);
        await invitations.ContactsAsync(assessmentId);
        await invitations.ListAsync(assessmentId);
        await services.GetRequiredService<SupplierAnswerReview>().ThreadsAsync(view!.Assessment);
        await services.GetRequiredService<InternalThreads>().ListAsync(view);
        return view;
    }
}
