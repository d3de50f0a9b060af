using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>Someone to invite: a contact of the supplier (its id), or a name and e-mail address typed in.</summary>
public sealed record InviteeInput(Guid? ContactId, string? Name, string? Email);

/// <summary>A new link, shown once to the analyst to send; only its hash is kept.</summary>
public sealed record IssuedLink(Guid InvitationId, string ContactName, string ContactEmail, string Path);

/// <summary>A contact of the supplier that can be invited.</summary>
public sealed record InvitableContact(Guid Id, string Name, string? Email);

/// <summary>An invitation as the assessment page lists it.</summary>
public sealed record InvitationRow(
    Guid Id, string ContactName, string ContactEmail, IReadOnlyList<string> SectionCodes, DateOnly Deadline, DateTime ExpiresAtUtc,
    string Status, bool CanRevoke, IReadOnlyList<string> ReopenedQuestions);

/// <summary>
/// The analysts who work on an assessment invite supplier contacts to answer some of its sections through the portal,
/// and withdraw or re-issue their links. Links are shown once; the database keeps only their SHA-256.
/// </summary>
public sealed class SupplierInvitations(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time, IOptions<PortalSettings> settings)
{
    public const string PortalPath = "/portal/";

    public async Task<IReadOnlyList<IssuedLink>> InviteAsync(
        Guid assessmentId, IReadOnlyList<InviteeInput> invitees, IReadOnlyCollection<string> sectionCodes, DateOnly? deadline,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitees);
        ArgumentNullException.ThrowIfNull(sectionCodes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, actor) = await RequireAnalystAsync(db, assessmentId, "invites the supplier", cancellationToken);
        if (invitees.Count == 0)
        {
            throw new DomainException("Choose at least one contact to invite.");
        }

        var unknown = sectionCodes.Where(code => assessment.Template.Sections.TrueForAll(s => s.Code != code)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException($"The questionnaire has no section {string.Join(", ", unknown)}.");
        }

        var due = deadline ?? throw new DomainException("Choose the deadline for the supplier's answers.");
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Contacts).FirstAsync(s => s.Id == assessment.SupplierId, cancellationToken);
        var now = time.UtcNow();
        var links = new List<IssuedLink>();
        foreach (var invitee in invitees)
        {
            var contact = invitee.ContactId is { } contactId
                ? supplier.Contacts.FirstOrDefault(c => c.Id == contactId) ?? throw new DomainException("That contact is not one of this supplier's contacts.")
                : null;
            var email = contact?.Email ?? invitee.Email;
            if (contact is not null && string.IsNullOrWhiteSpace(email))
            {
                throw new DomainException($"{contact.Name} has no e-mail address; add one on the supplier's page first.");
            }

            var (token, hash) = PortalToken.New();
            var invitation = new SupplierInvitation(
                assessment.Id, contact?.Id, contact?.Name ?? invitee.Name ?? "", email ?? "", sectionCodes, due, ExpiresAt(due), hash, actor, now);
            db.SupplierInvitations.Add(invitation);
            links.Add(new IssuedLink(invitation.Id, invitation.ContactName, invitation.ContactEmail, PortalPath + token));
        }

        await db.SaveChangesAsync(cancellationToken);
        return links;
    }

    public async Task<IReadOnlyList<InvitationRow>> ListAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.UtcNow();
        var invitations = await db.SupplierInvitations.AsNoTracking().Where(i => i.AssessmentId == assessmentId).ToListAsync(cancellationToken);
        return invitations.OrderBy(i => i.IssuedAtUtc)
            .Select(i => new InvitationRow(
                i.Id, i.ContactName, i.ContactEmail, i.SectionCodes, i.Deadline, i.ExpiresAtUtc, StatusOf(i, now), i.RevokedAtUtc is null, i.ReopenedQuestions))
            .ToList();
    }

    /// <summary>The supplier's contacts, for the invitation form.</summary>
    public async Task<IReadOnlyList<InvitableContact>> ContactsAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Analyst);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supplierId = await db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.SupplierId).FirstAsync(cancellationToken);
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Contacts).FirstAsync(s => s.Id == supplierId, cancellationToken);
        return supplier.Contacts.Select(c => new InvitableContact(c.Id, c.Name, c.Email)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task RevokeAsync(Guid assessmentId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (_, actor) = await RequireAnalystAsync(db, assessmentId, "withdraws a supplier's link", cancellationToken);
        var invitation = await FindAsync(db, assessmentId, invitationId, cancellationToken);
        invitation.Revoke(actor, time.UtcNow());
        await db.SaveOrConflictAsync("Someone changed this invitation a moment ago; reload the page.", cancellationToken);
    }

    /// <summary>A new link replaces the old one, which stops working at once.</summary>
    public async Task<IssuedLink> ReissueAsync(Guid assessmentId, Guid invitationId, DateOnly? deadline, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireAnalystAsync(db, assessmentId, "re-issues a supplier's link", cancellationToken);
        var invitation = await FindAsync(db, assessmentId, invitationId, cancellationToken);
        var due = deadline ?? invitation.Deadline;
        var (token, hash) = PortalToken.New();
        invitation.Reissue(hash, due, ExpiresAt(due), time.UtcNow());
        await db.SaveOrConflictAsync("Someone changed this invitation a moment ago; reload the page.", cancellationToken);
        return new IssuedLink(invitation.Id, invitation.ContactName, invitation.ContactEmail, PortalPath + token);
    }

    /// <summary>The link works until the end of the deadline plus the grace period.</summary>
    private DateTime ExpiresAt(DateOnly deadline) =>
        deadline.AddDays(1 + settings.Value.GraceDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static string StatusOf(SupplierInvitation invitation, DateTime now) =>
        invitation.RevokedAtUtc is not null ? "Withdrawn"
        : invitation.SubmittedAtUtc is not null ? $"Submitted {Day(invitation.SubmittedAtUtc.Value)}"
        : now >= invitation.ExpiresAtUtc ? "Expired"
        : "Waiting for answers";

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<SupplierInvitation> FindAsync(AppDbContext db, Guid assessmentId, Guid invitationId, CancellationToken cancellationToken) =>
        await db.SupplierInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.AssessmentId == assessmentId, cancellationToken)
        ?? throw new DomainException("That invitation is not part of this assessment; reload the page.");

    private Task<(Assessment Assessment, Actor Actor)> RequireAnalystAsync(AppDbContext db, Guid assessmentId, string doing, CancellationToken cancellationToken) =>
        SupplierWork.RequireAnalystAsync(currentUser, db, db.Assessments.AsNoTracking(), assessmentId, doing, cancellationToken);
}
