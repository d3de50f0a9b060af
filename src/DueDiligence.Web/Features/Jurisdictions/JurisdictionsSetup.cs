using FluentValidation;

namespace DueDiligence.Web.Features.Jurisdictions;

/// <summary>Use cases of the jurisdiction library.</summary>
internal static class JurisdictionsSetup
{
    public static IServiceCollection AddJurisdictionsFeature(this IServiceCollection services)
    {
        services.AddScoped<JurisdictionQueries>();
        services.AddScoped<RateJurisdiction>();
        services.AddScoped<AddJurisdiction>();
        services.AddScoped<CorrectIndicator>();
        services.AddScoped<IValidator<RatingInput>, RatingInputValidator>();
        services.AddScoped<IValidator<IndicatorInput>, IndicatorInputValidator>();
        return services;
    }
}
