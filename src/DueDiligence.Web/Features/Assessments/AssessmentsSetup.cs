using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Review;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Features.Assessments.Workbook;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>Use cases and endpoints of the assessment workflow.</summary>
internal static class AssessmentsSetup
{
    public static IServiceCollection AddAssessmentsFeature(this IServiceCollection services)
    {
        services.AddScoped<AssessmentStore>();
        services.AddScoped<AssessmentQueries>();
        services.AddScoped<AssessmentPanelQueries>();
        services.AddScoped<AssessmentListQueries>();
        services.AddScoped<StartAssessment>();
        services.AddScoped<ConfirmCarriedSection>();
        services.AddScoped<AssessmentChanges>();
        services.AddScoped<AnswerQuestion>();
        services.AddScoped<QuestionnaireWorkbook>();
        services.AddScoped<UploadEvidence>();
        services.AddScoped<WithdrawEvidence>();
        services.AddScoped<ChangeEvidenceExpiry>();
        services.AddScoped<WorkflowNotifications>();
        services.AddScoped<SubmitAssessment>();
        services.AddScoped<ReviewAssessment>();
        services.AddScoped<InternalThreads>();
        services.AddScoped<DecideAssessment>();
        services.AddScoped<ApprovalRules>();
        services.AddScoped<Delegations>();
        services.AddScoped<FollowUpAssessment>();
        services.AddScoped<AssignOwner>();
        services.AddScoped<MyWorkQueries>();
        services.AddScoped<FollowUpQueries>();
        services.AddScoped<FollowUpListQueries>();
        services.AddAssessmentReview();
        services.AddPortal();
        return services;
    }
}
