using DueDiligence.Web.Features.Account;
using DueDiligence.Web.Features.Admin;

namespace DueDiligence.Web.Features;

/// <summary>Registers every feature's use cases and maps its HTTP endpoints.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddAdminFeature();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountEndpoints();
        return endpoints;
    }
}
