using FluentValidation;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>Use cases of partner selection.</summary>
internal static class SourcingSetup
{
    public static IServiceCollection AddSourcingFeature(this IServiceCollection services)
    {
        services.AddScoped<SourcingQueries>();
        services.AddScoped<SourcingCommands>();
        services.AddScoped<SourcingTeam>();
        services.AddScoped<DownloadPartnerSelection>();
        services.AddScoped<PlannerQueries>();
        services.AddScoped<PlannerCommands>();
        services.AddScoped<IValidator<PlannerComponentInput>, PlannerComponentInputValidator>();
        services.AddScoped<IValidator<SourcingProjectInput>, SourcingProjectInputValidator>();
        services.AddScoped<IValidator<PartnerChoiceInput>, PartnerChoiceInputValidator>();
        return services;
    }
}
