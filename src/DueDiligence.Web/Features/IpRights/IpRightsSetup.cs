using FluentValidation;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>Use cases of the IP rights register, the rights matrix and the treaty data.</summary>
internal static class IpRightsSetup
{
    public static IServiceCollection AddIpRightsFeature(this IServiceCollection services)
    {
        services.AddScoped<IpRightQueries>();
        services.AddScoped<IpRightCommands>();
        services.AddScoped<IpRightImport>();
        services.AddScoped<CorrectTreatyFact>();
        services.AddScoped<IValidator<IpRightInput>, IpRightInputValidator>();
        services.AddScoped<IValidator<TreatyFactInput>, TreatyFactInputValidator>();
        return services;
    }
}
