using DueDiligence.Web.Features.Account;
using DueDiligence.Web.Features.Admin;
using DueDiligence.Web.Features.Jurisdictions;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Risk;

namespace DueDiligence.Web.Features;

/// <summary>Registers every feature's use cases and maps its HTTP endpoints.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<UserFeedback>();
        services.AddScoped<JurisdictionRiskLookup>();
        services.AddAdminFeature();
        services.AddJurisdictionsFeature();
        services.AddSuppliersFeature();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountEndpoints();
        return endpoints;
    }
}
