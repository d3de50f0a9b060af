using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>
/// The API's OpenAPI 3.1 document (<c>/openapi/v1.json</c>, the <c>/api/v1</c> endpoints only, with the bearer scheme) and
/// its interactive reference page (<see cref="ReferencePath"/>, Scalar). Both need a signed-in session, as every page
/// does; the reference's scripts carry the request's CSP nonce; that page alone may also eval (<see cref="SecurityHeaders"/>).
/// </summary>
public static class ApiReferenceSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";
    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiSetup.BasePath.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "DueDiligence API",
                    Version = DocumentName,
                    Description = "The supplier register, assessments, findings and conditions, decisions, jurisdictions, sourcing projects, reports and the audit trail. Authenticate with a personal "
                        + "access token (Authorization: Bearer ddpat_…), made under your account's API tokens; it acts with your roles and record rules, "
                        + "within its scopes. Errors are problem details (RFC 9457).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "ddpat",
                    Description = "A personal access token.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapScalarApiReference(ReferencePath, (options, context) => options
            .WithTitle("DueDiligence API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes([BearerScheme])
            // Its own fonts come from fonts.scalar.com, which the CSP refuses: the browser's are used.
            .DisableDefaultFonts()
            .WithNonce(SecurityHeaders.NonceOf(context)));
        return endpoints;
    }
}
