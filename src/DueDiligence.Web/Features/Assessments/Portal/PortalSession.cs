using System.Security.Claims;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>
/// The supplier contact behind the current portal request or circuit, read from its portal cookie and checked against the
/// invitation as stored now (withdrawn, expired, replaced by a re-issued link). Once known, the scope acts as the contact,
/// so that the audit trail names it. Every refusal is recorded as a security event.
/// </summary>
public sealed class PortalSession(
    IHttpContextAccessor http, IDataProtectionProvider protection, IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser,
    SecurityEvents securityEvents, TimeProvider time)
{
    /// <summary>The invitation of the visitor, fresh from the database; throws <see cref="PortalRefusedException"/> when it cannot be used.</summary>
    public async Task<SupplierInvitation> RequireAsync(CancellationToken cancellationToken = default)
    {
        var session = PortalCookie.Read(http.HttpContext, protection);
        if (session is not { } found)
        {
            throw await RefuseAsync(PortalRefusal.NoSession, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await db.SupplierInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == found.InvitationId, cancellationToken);
        if (Check(invitation, found.TokenHash, time.UtcNow()) is { } refusal)
        {
            throw await RefuseAsync(refusal, invitation);
        }

        currentUser.ActAs(PrincipalOf(invitation!));
        return invitation!;
    }

    /// <summary>Why a link or session of this invitation cannot be used now; null when it can.</summary>
    internal static PortalRefusal? Check(SupplierInvitation? invitation, string tokenHash, DateTime nowUtc) =>
        invitation is null ? PortalRefusal.UnknownLink
        : invitation.RevokedAtUtc is not null ? PortalRefusal.Withdrawn
        : !string.Equals(invitation.TokenHash, tokenHash, StringComparison.Ordinal) ? PortalRefusal.Replaced
        : nowUtc >= invitation.ExpiresAtUtc ? PortalRefusal.Expired
        : null;

    /// <summary>Records the refusal (who, when, from where, why) and gives the exception that shows it.</summary>
    public async Task<PortalRefusedException> RefuseAsync(PortalRefusal reason, SupplierInvitation? invitation, string? detail = null)
    {
        await RecordAsync(SecurityEvent.PortalRefused, invitation, $"{reason}{(detail is null ? "" : $": {detail}")}");
        return new PortalRefusedException(reason, PortalRefusedException.Explain(reason));
    }

    public Task RecordAsync(SecurityEvent kind, SupplierInvitation? invitation, string? reason) =>
        securityEvents.RecordAsync(
            kind, invitation is null ? null : $"invitation:{invitation.Id}", invitation is null ? "portal visitor" : ActorName(invitation),
            invitation?.ContactEmail, http.HttpContext?.Connection.RemoteIpAddress?.ToString(), reason);

    /// <summary>How the audit trail names a supplier contact.</summary>
    public static string ActorName(SupplierInvitation invitation) => $"{invitation.ContactName} (supplier contact)";

    private static ClaimsPrincipal PrincipalOf(SupplierInvitation invitation) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, ActorName(invitation)), new Claim(ClaimTypes.NameIdentifier, invitation.ContactActor.Id)], "portal"));
}
