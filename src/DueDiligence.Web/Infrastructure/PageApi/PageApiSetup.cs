using DueDiligence.Web.Client.Shared;

namespace DueDiligence.Web.Infrastructure.PageApi;

/// <summary>
/// The app's own JSON endpoints, for the components that run in the browser (docs/adr/0012), under <see cref="BasePath"/>.
/// Unlike the REST API (bearer tokens, <c>/api/v1</c>), the session cookie signs a request in, as on every page; so every
/// request that changes something carries the antiforgery token in the header <see cref="PageApiProtocol.TokenHeader"/>. A request
/// without a session gets 401 and one without the right gets 403, never a redirect to a page (IdentitySetup asks <see cref="IsPageApi"/>).
/// The use cases' refusals come back as problem details whose detail is the sentence the page shows
/// (<see cref="PageApiFilter"/>).
/// </summary>
public static class PageApiSetup
{
    public const string BasePath = "/page-api";

    public static bool IsPageApi(HttpRequest request) => request.Path.StartsWithSegments(BasePath);

    /// <summary>The <c>/page-api</c> group a feature maps its endpoints into.</summary>
    public static RouteGroupBuilder MapPageApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(BasePath)
            .RequireAuthorization()
            // The framework checks antiforgery only on form posts; PageApiFilter checks the header on every change.
            .DisableAntiforgery()
            .AddEndpointFilter<PageApiFilter>();
}
