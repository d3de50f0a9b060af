using DueDiligence.Web.Features.Assessments;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>What the assessment page loads to show an analyst's wizard: the assessment, then what its panels and wizard show around it.</summary>
internal static class AssessmentPageLoad
{
    public static async Task<AssessmentView?> RunAsync(IServiceProvider services, Guid assessmentId)
    {
        var view = await services.GetRequiredService<AssessmentQueries>().GetAsync(assessmentId);
        await services.GetRequiredService<AssessmentPanelQueries>().GetAsync(view!);
        return view;
    }
}
