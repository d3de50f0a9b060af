using FluentValidation;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>Use cases and endpoints of the questionnaire template library.</summary>
internal static class QuestionnairesSetup
{
    public static IServiceCollection AddQuestionnairesFeature(this IServiceCollection services)
    {
        services.AddScoped<TemplateQueries>();
        services.AddScoped<TemplateCommands>();
        services.AddScoped<TemplateImport>();
        services.AddScoped<DiscardTemplateDraft>();
        services.AddScoped<IValidator<NewTemplateInput>, NewTemplateInputValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapQuestionnaireEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapTemplateExport();
}
