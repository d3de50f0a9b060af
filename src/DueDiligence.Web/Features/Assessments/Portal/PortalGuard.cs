using Microsoft.AspNetCore.Antiforgery;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>
/// Keeps a portal visitor inside the portal: a browser with a portal cookie and no sign-in that asks for any of our
/// pages is refused with a plain page (not our sign-in page), and a post to the portal without the antiforgery token of
/// one of its pages is refused before it reaches anything; both are recorded as security events.
/// </summary>
internal sealed class PortalGuard(RequestDelegate next)
{
    /// <summary>What the portal page itself needs besides its own addresses: the framework's scripts and the circuit.</summary>
    private static readonly string[] Shared = ["/_framework", "/_blazor", "/_content", "/status", "/error"];

    public async Task InvokeAsync(HttpContext context, PortalSession session, IAntiforgery antiforgery)
    {
        var path = context.Request.Path;
        var inPortal = path.StartsWithSegments(PortalEndpoints.PagePath, StringComparison.OrdinalIgnoreCase);
        if (inPortal && HttpMethods.IsPost(context.Request.Method) && !await antiforgery.IsRequestValidAsync(context))
        {
            await session.RefuseAsync(PortalRefusal.FormNotFromPortal, null, path);
            context.Response.Redirect(PortalEndpoints.RefusedPath(PortalRefusal.FormNotFromPortal));
            return;
        }

        if (!inPortal && context.User.Identity?.IsAuthenticated != true && PortalCookie.IsPresent(context)
            && !Array.Exists(Shared, prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            await session.RefuseAsync(PortalRefusal.OutsideInvitation, null, path);
            context.Response.Redirect(PortalEndpoints.RefusedPath(PortalRefusal.OutsideInvitation));
            return;
        }

        await next(context);
    }
}
