using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Client.Assessments;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// The wizard's evidence, for the wizard in the browser: attach a file to a question (a multipart form with the file, the
/// question and an optional expiry), withdraw a file with a reason, set or clear its expiry. The use cases check role,
/// record and status, and the store checks size, type and content; each answers the file's record as the draft holds it.
/// </summary>
internal static class DraftEvidenceEndpoints
{
    public static RouteGroupBuilder MapDraftEvidenceEndpoints(this RouteGroupBuilder pageApi)
    {
        var evidence = pageApi.MapGroup("/assessments/{id:guid}/draft/evidence");
        evidence.MapPost("/", async (Guid id, [FromForm] string questionCode, [FromForm] DateOnly? expiresOn, IFormFile file,
                [FromServices] UploadEvidence upload, CancellationToken cancellationToken) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Ok((await upload.ExecuteAsync(id, questionCode, file.FileName, content, expiresOn, cancellationToken)).ToCopy());
            });
        evidence.MapPost("/{evidenceId:guid}/withdrawal", async (Guid id, Guid evidenceId, EvidenceWithdrawal withdrawal,
                [FromServices] WithdrawEvidence withdraw, CancellationToken cancellationToken) =>
            TypedResults.Ok((await withdraw.ExecuteAsync(id, evidenceId, withdrawal.Reason, cancellationToken)).ToCopy()));
        evidence.MapPut("/{evidenceId:guid}/expiry", async (Guid id, Guid evidenceId, EvidenceExpiry expiry,
                [FromServices] ChangeEvidenceExpiry change, CancellationToken cancellationToken) =>
            TypedResults.Ok((await change.ExecuteAsync(id, evidenceId, expiry.ExpiresOn, cancellationToken)).ToCopy()));
        return pageApi;
    }
}
