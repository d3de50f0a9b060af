using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>Someone to invite: a contact of the supplier (its id), or a name and e-mail address typed in.</summary>
public sealed record InviteeInput(Guid? ContactId, string? Name, string? Email);

/// <summary>
/// A new link, shown once to the analyst (who may send it too); only its hash is kept. It was also e-mailed to the contact:
/// <see cref="MailServerSet"/> says whether through the mail server, or (none set up) only as a file on the server.
/// </summary>
public sealed record IssuedLink(Guid InvitationId, string ContactName, string ContactEmail, string Path, bool MailServerSet);

/// <summary>A contact of the supplier that can be invited.</summary>
public sealed record InvitableContact(Guid Id, string Name, string? Email);

/// <summary>An invitation as the assessment page lists it.</summary>
public sealed record InvitationRow(
    Guid Id, string ContactName, string ContactEmail, IReadOnlyList<string> SectionCodes, DateOnly Deadline, DateTime ExpiresAtUtc,
    string Status, bool CanRevoke, IReadOnlyList<string> ReopenedQuestions, bool AsksForCode);

/// <summary>
/// The analysts who work on an assessment invite supplier contacts to answer some of its sections through the portal,
/// and withdraw or re-issue their links. Each new link is e-mailed to its contact through the outbox, in the same save,
/// and shown once to the analyst; the database keeps only its SHA-256, and the mail's body is forgotten once sent.
/// </summary>
public sealed class SupplierInvitations(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time, IOptions<PortalSettings> settings, MailComposer mails,
    MailDelivery delivery)
{
    public const string PortalPath = "/portal/";

    /// <summary>
    /// Invites the contacts; <paramref name="asksForCode"/>: their links ask for a one-time code by e-mail in a browser new to
    /// the invitation. <paramref name="appAddress"/>: the app's address as the analyst sees it, for the e-mailed link when
    /// <c>Mail:AppUrl</c> is not set.
    /// </summary>
    public async Task<IReadOnlyList<IssuedLink>> InviteAsync(
        Guid assessmentId, IReadOnlyList<InviteeInput> invitees, IReadOnlyCollection<string> sectionCodes, DateOnly? deadline,
        bool asksForCode = false, Uri? appAddress = null, CancellationToken cancellationToken = default)
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
                assessment.Id, contact?.Id, contact?.Name ?? invitee.Name ?? "", email ?? "", sectionCodes, due, ExpiresAt(due), hash, actor, now, asksForCode);
            db.SupplierInvitations.Add(invitation);
            links.Add(Mail(db, invitation, assessment, supplier.LegalName, token, appAddress, reissued: false, now));
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
        return RowsOf(invitations, now);
    }

    /// <summary>The invitations as the assessment page lists them, oldest first.</summary>
    internal static IReadOnlyList<InvitationRow> RowsOf(IEnumerable<SupplierInvitation> invitations, DateTime now) =>
        invitations.OrderBy(i => i.IssuedAtUtc)
            .Select(i => new InvitationRow(
                i.Id, i.ContactName, i.ContactEmail, i.SectionCodes, i.Deadline, i.ExpiresAtUtc, StatusOf(i, now), i.RevokedAtUtc is null, i.ReopenedQuestions, i.AsksForCode))
            .ToList();

    /// <summary>The supplier's contacts as the invitation form offers them, by name.</summary>
    internal static IReadOnlyList<InvitableContact> ContactsOf(IEnumerable<Contact> contacts) =>
        contacts.Select(c => new InvitableContact(c.Id, c.Name, c.Email)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();

    public async Task RevokeAsync(Guid assessmentId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (_, actor) = await RequireAnalystAsync(db, assessmentId, "withdraws a supplier's link", cancellationToken);
        var invitation = await FindAsync(db, assessmentId, invitationId, cancellationToken);
        invitation.Revoke(actor, time.UtcNow());
        await db.SaveOrConflictAsync("Someone changed this invitation a moment ago; reload the page.", cancellationToken);
    }

    /// <summary>A new link replaces the old one, which stops working at once.</summary>
    public async Task<IssuedLink> ReissueAsync(Guid assessmentId, Guid invitationId, DateOnly? deadline, Uri? appAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (assessment, _) = await RequireAnalystAsync(db, assessmentId, "re-issues a supplier's link", cancellationToken);
        var invitation = await FindAsync(db, assessmentId, invitationId, cancellationToken);
        var due = deadline ?? invitation.Deadline;
        var (token, hash) = PortalToken.New();
        var now = time.UtcNow();
        invitation.Reissue(hash, due, ExpiresAt(due), now);
        var supplierName = await db.Suppliers.Where(s => s.Id == assessment.SupplierId).Select(s => s.LegalName).FirstAsync(cancellationToken);
        var link = Mail(db, invitation, assessment, supplierName, token, appAddress, reissued: true, now);
        await db.SaveOrConflictAsync("Someone changed this invitation a moment ago; reload the page.", cancellationToken);
        return link;
    }

    /// <summary>Writes the invitation e-mail with the link to the outbox of <paramref name="db"/>, to be saved with the invitation.</summary>
    private IssuedLink Mail(AppDbContext db, SupplierInvitation invitation, Assessment assessment, string supplierName, string token, Uri? appAddress, bool reissued, DateTime now)
    {
        var path = PortalPath + token;
        var sections = assessment.Template.Sections.Where(s => invitation.Covers(s.Code)).Select(s => s.Title).ToList();
        var message = PortalMails.Invitation(invitation, supplierName, sections, mails.LinkTo(path, appAddress), reissued);
        db.OutboxMails.Add(mails.ComposeForContact(invitation.ContactEmail, invitation.ContactName, message, now));
        return new IssuedLink(invitation.Id, invitation.ContactName, invitation.ContactEmail, path, delivery.UsesSmtp);
    }

    /// <summary>The link works until the end of the deadline plus the grace period.</summary>
    private DateTime ExpiresAt(DateOnly deadline) =>
        deadline.AddDays(1 + settings.Value.GraceDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static string StatusOf(SupplierInvitation invitation, DateTime now) =>
        invitation.RevokedAtUtc is not null ? "Withdrawn"
        : invitation.SubmittedAtUtc is not null ? $"Submitted {IsoDates.Day(invitation.SubmittedAtUtc.Value)}"
        : now >= invitation.ExpiresAtUtc ? "Expired"
        : "Waiting for answers";

    private static async Task<SupplierInvitation> FindAsync(AppDbContext db, Guid assessmentId, Guid invitationId, CancellationToken cancellationToken) =>
        await db.SupplierInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.AssessmentId == assessmentId, cancellationToken)
        ?? throw new DomainException("That invitation is not part of this assessment; reload the page.");

    private Task<(Assessment Assessment, Actor Actor)> RequireAnalystAsync(AppDbContext db, Guid assessmentId, string doing, CancellationToken cancellationToken) =>
        SupplierWork.RequireAnalystAsync(currentUser, db, db.Assessments.AsNoTracking(), assessmentId, doing, cancellationToken);
}
