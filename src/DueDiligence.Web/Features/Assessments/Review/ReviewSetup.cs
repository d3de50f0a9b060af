using FluentValidation;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>The input validators of the legal-review and decision views.</summary>
internal static class ReviewSetup
{
    public static IServiceCollection AddAssessmentReview(this IServiceCollection services)
    {
        services.AddScoped<IValidator<FindingInput>, FindingInputValidator>();
        services.AddScoped<IValidator<ConditionInput>, ConditionInputValidator>();
        services.AddScoped<IValidator<WaiverInput>, WaiverInputValidator>();
        services.AddScoped<IValidator<ReturnInput>, ReturnInputValidator>();
        services.AddScoped<IValidator<ForwardInput>, ForwardInputValidator>();
        services.AddScoped<IValidator<DecisionInput>, DecisionInputValidator>();
        return services;
    }
}
