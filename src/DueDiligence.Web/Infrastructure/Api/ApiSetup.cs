using System.Text.Json.Serialization;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>
/// The REST API's plumbing: bearer-token authentication (<see cref="ApiTokenAuthentication"/>), the <c>/api/v1</c> route
/// group with its scope checks and problem details (<see cref="ApiErrors"/>). Under <see cref="BasePath"/> only a bearer
/// token signs a request in: the session cookie is never read there, so a browser's session cannot be used against the
/// API (and there is no cross-site request to forge).
/// </summary>
public static class ApiSetup
{
    public const string BasePath = "/api/v1";

    public const string Policy = "Api";

    /// <summary>Where a user makes and revokes their personal access tokens.</summary>
    public const string TokensPagePath = "/account/api-tokens";

    /// <summary>Picks the scheme by path: the token under <see cref="BasePath"/>, the session cookie everywhere else.</summary>
    private const string PathScheme = "DueDiligence";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddPolicyScheme(PathScheme, null, options => options.ForwardDefaultSelector = context =>
                IsApi(context.Request) ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme);
        // After Identity's own defaults (the application cookie), which stay the target outside the API.
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            options.DefaultAuthenticateScheme = PathScheme;
            options.DefaultChallengeScheme = PathScheme;
            options.DefaultForbidScheme = PathScheme;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser());
        // Choices by name ("Active", "High"), as the documentation and the filters name them.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(BasePath);

    /// <summary>The <c>/api/v1</c> group each feature maps its endpoints into.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(BasePath)
            .RequireAuthorization(Policy)
            // Bearer tokens only: no cookie is read here, so there is nothing for antiforgery to protect.
            .DisableAntiforgery()
            .AddEndpointFilter<ApiErrors>();

    /// <summary>The scope the endpoint needs; an endpoint that names none refuses every token.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, ApiResource resource, ApiAccess access)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(resource, access));
}

/// <summary>Endpoint metadata: the token scope an API endpoint needs.</summary>
public sealed record RequiredScope(ApiResource Resource, ApiAccess Access)
{
    public string Name => ApiScopes.Name(Resource, Access);
}
