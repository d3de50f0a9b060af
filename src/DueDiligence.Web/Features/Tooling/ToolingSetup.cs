using FluentValidation;

namespace DueDiligence.Web.Features.Tooling;

/// <summary>Use cases of tooling custody.</summary>
internal static class ToolingSetup
{
    public static IServiceCollection AddToolingFeature(this IServiceCollection services)
    {
        services.AddScoped<ToolingQueries>();
        services.AddScoped<ToolingCommands>();
        services.AddScoped<IValidator<NewToolInput>, NewToolInputValidator>();
        services.AddScoped<IValidator<ToolTransferInput>, ToolTransferInputValidator>();
        return services;
    }
}
