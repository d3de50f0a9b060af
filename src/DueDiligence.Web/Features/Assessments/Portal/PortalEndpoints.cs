using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>
/// The portal's HTTP side. Opening a link checks its secret against the stored hashes, records the visit, exchanges the
/// secret for the portal cookie and redirects to the address without it (so the secret stays out of history, referrers
/// and logs). An invitation that asks for a one-time code, opened in a browser that has not typed one for it, gets no
/// portal cookie yet: a code is e-mailed and the browser is sent to the code page (<see cref="CodePath"/>). A contact
/// downloads only the files it uploaded itself. Every refusal has a plain page and a security event.
/// </summary>
internal static class PortalEndpoints
{
    public const string PagePath = "/portal";

    public const string CodePath = "/portal/code";

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/portal/{token}", OpenLinkAsync).AllowAnonymous();
        endpoints.MapGet("/portal/files/{evidenceId:guid}", DownloadAsync).AllowAnonymous();
        return endpoints;
    }

    public static string RefusedPath(PortalRefusal reason) => $"/portal/refused?reason={reason}";

    private static async Task<IResult> OpenLinkAsync(
        string token, HttpContext context, [FromServices] IDbContextFactory<AppDbContext> dbFactory, [FromServices] PortalSession session,
        [FromServices] IDataProtectionProvider protection, [FromServices] PortalCodes codes, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var hash = PortalToken.LooksValid(token) ? PortalToken.Hash(token) : null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = hash is null ? null : await db.SupplierInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (PortalSession.Check(invitation, hash ?? "", time.UtcNow()) is { } refusal)
        {
            await session.RefuseAsync(refusal, invitation);
            return Results.Redirect(RefusedPath(refusal));
        }

        if (invitation!.AsksForCode && !PortalCodeCookies.Knows(context, protection, invitation.Id))
        {
            if (await codes.SendAsync(invitation, cancellationToken) is not { } code)
            {
                await session.RefuseAsync(PortalRefusal.TooManyCodes, invitation);
                return Results.Redirect(RefusedPath(PortalRefusal.TooManyCodes));
            }

            await session.RecordAsync(SecurityEvent.PortalLinkOpened, invitation, "in a new browser: one-time code e-mailed");
            PortalCodeCookies.WritePending(context, protection, code.Id, invitation.TokenHash, code.ExpiresAtUtc);
            return Results.Redirect(CodePath);
        }

        await session.RecordAsync(SecurityEvent.PortalLinkOpened, invitation, null);
        PortalCookie.Write(context, protection, invitation.Id, invitation.TokenHash, invitation.ExpiresAtUtc);
        return Results.Redirect(PagePath);
    }

    private static async Task<IResult> DownloadAsync(
        Guid evidenceId, HttpContext context, [FromServices] IDbContextFactory<AppDbContext> dbFactory, [FromServices] PortalSession session,
        [FromServices] EvidenceStore store, CancellationToken cancellationToken)
    {
        Domain.Assessments.SupplierInvitation invitation;
        try
        {
            invitation = await session.RequireAsync(cancellationToken);
        }
        catch (PortalRefusedException refused)
        {
            return Results.Redirect(RefusedPath(refused.Reason));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contactId = invitation.ContactActor.Id;
        var file = await db.Assessments.AsNoTracking().Where(a => a.Id == invitation.AssessmentId)
            .SelectMany(a => a.Evidence).FirstOrDefaultAsync(e => e.Id == evidenceId && e.UploadedById == contactId, cancellationToken);
        if (file is null)
        {
            await session.RefuseAsync(PortalRefusal.OutsideInvitation, invitation, $"file {evidenceId}");
            return Results.Redirect(RefusedPath(PortalRefusal.OutsideInvitation));
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(store.OpenRead(file.StorageKey), file.ContentType, file.OriginalFileName);
    }
}
