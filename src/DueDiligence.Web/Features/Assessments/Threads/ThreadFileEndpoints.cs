using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Threads;

/// <summary>
/// Downloads of the files attached to conversation messages, always as attachments. Our users by the record rules of the
/// assessment's evidence (the analysts who work on it, legal reviewers, executives); a supplier contact, through its portal
/// cookie, only the files of its own conversations (never an internal one, never another contact's): anything else is
/// refused with the portal's refusal page and a security event.
/// </summary>
internal static class ThreadFileEndpoints
{
    public static string FileLink(Guid assessmentId, Guid messageId) => $"/assessments/{assessmentId}/messages/{messageId}/file";

    public static string PortalFileLink(Guid messageId) => $"/portal/messages/{messageId}/file";

    public static IEndpointRouteBuilder MapThreadFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assessments/{assessmentId:guid}/messages/{messageId:guid}/file", DownloadAsync).RequireAuthorization();
        endpoints.MapGet("/portal/messages/{messageId:guid}/file", DownloadForContactAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid assessmentId, Guid messageId, HttpContext context, [FromServices] IDbContextFactory<AppDbContext> dbFactory, [FromServices] CurrentUser currentUser,
        [FromServices] EvidenceStore store, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        var file = await FileAsync(db, messageId, t => t.AssessmentId == assessmentId, cancellationToken);
        if (assessment is null || file is null)
        {
            return Results.NotFound();
        }

        return AssessmentAccess.CanOpenEvidence(await currentUser.GetPrincipalAsync(), assessment, await AssessmentAccess.SupplierTeamAsync(db, assessment, cancellationToken))
            ? Serve(context, store, file)
            : Results.Forbid();
    }

    private static async Task<IResult> DownloadForContactAsync(
        Guid messageId, HttpContext context, [FromServices] IDbContextFactory<AppDbContext> dbFactory, [FromServices] PortalSession session,
        [FromServices] EvidenceStore store, CancellationToken cancellationToken)
    {
        Domain.Assessments.SupplierInvitation invitation;
        try
        {
            invitation = await session.RequireAsync(cancellationToken);
        }
        catch (PortalRefusedException refused)
        {
            return Results.Redirect(PortalEndpoints.RefusedPath(refused.Reason));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await FileAsync(db, messageId, t => t.InvitationId == invitation.Id, cancellationToken);
        if (file is null)
        {
            await session.RefuseAsync(PortalRefusal.OutsideInvitation, invitation, $"message file {messageId}");
            return Results.Redirect(PortalEndpoints.RefusedPath(PortalRefusal.OutsideInvitation));
        }

        return Serve(context, store, file);
    }

    /// <summary>The file of the message, when the message belongs to a conversation that <paramref name="readable"/> lets through.</summary>
    private static async Task<Domain.Assessments.MessageAttachment?> FileAsync(
        AppDbContext db, Guid messageId, System.Linq.Expressions.Expression<Func<Domain.Assessments.ClarificationThread, bool>> readable, CancellationToken cancellationToken) =>
        await db.ClarificationThreads.AsNoTracking().Where(readable).SelectMany(t => t.Messages)
            .Where(m => m.Id == messageId && m.Attachment != null).Select(m => m.Attachment).FirstOrDefaultAsync(cancellationToken);

    private static IResult Serve(HttpContext context, EvidenceStore store, Domain.Assessments.MessageAttachment file)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(store.OpenRead(file.StorageKey), file.ContentType, file.FileName);
    }
}
