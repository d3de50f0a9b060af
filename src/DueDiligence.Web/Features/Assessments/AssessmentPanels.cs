using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>
/// What the assessment page shows around the assessment, read once with it and handed to its parts: the supplier
/// contacts invited through the portal (for the invitations and workbook panels), the supplier's contacts for those who may
/// invite more, and, for the wizard, the conversations with the supplier and the internal ones.
/// </summary>
public sealed record AssessmentPanels(
    IReadOnlyList<InvitationRow> Invitations, IReadOnlyList<InvitableContact> Contacts,
    SupplierConversations SupplierConversations, InternalConversations InternalConversations);

/// <summary>
/// Reads <see cref="AssessmentPanels"/> for an assessment the user has just loaded (<see cref="AssessmentQueries.GetAsync"/>),
/// with the permissions computed there: the invitations, with the contacts when the user may invite, in one query; the
/// wizard's conversations of both kinds in another.
/// </summary>
public sealed class AssessmentPanelQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<AssessmentPanels> GetAsync(AssessmentView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        await currentUser.RequireAnyRoleAsync(AssessmentAccess.Participants);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (invitations, contacts) = await InvitationsAsync(db, view, cancellationToken);
        var (withSupplier, inside) = view.Can.EditAnswers
            ? await ConversationsAsync(db, view, invitations, cancellationToken)
            : (SupplierConversations.None, InternalConversations.None);
        return new(SupplierInvitations.RowsOf(invitations, time.UtcNow()), SupplierInvitations.ContactsOf(contacts), withSupplier, inside);
    }

    /// <summary>Those who may invite (they work on the draft) get the supplier's contacts with the invitations: a few rows each, one join.</summary>
    private static async Task<(List<SupplierInvitation> Invitations, List<Contact> Contacts)> InvitationsAsync(
        AppDbContext db, AssessmentView view, CancellationToken cancellationToken)
    {
        var id = view.Assessment.Id;
        if (!view.Can.EditAnswers)
        {
            return (await db.SupplierInvitations.AsNoTracking().Where(i => i.AssessmentId == id).ToListAsync(cancellationToken), []);
        }

        var both = await db.Assessments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Invitations = db.SupplierInvitations.Where(i => i.AssessmentId == a.Id).ToList(),
                Contacts = db.Suppliers.Where(s => s.Id == a.SupplierId).SelectMany(s => s.Contacts).ToList(),
            })
            .AsSingleQuery()
            .FirstAsync(cancellationToken);
        return (both.Invitations, both.Contacts);
    }

    /// <summary>The conversations with supplier contacts and, for those who may read them, the internal ones: one query.</summary>
    private async Task<(SupplierConversations, InternalConversations)> ConversationsAsync(
        AppDbContext db, AssessmentView view, IReadOnlyList<SupplierInvitation> invitations, CancellationToken cancellationToken)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var (assessment, team) = (view.Assessment, view.Supplier);
        var readsInternal = InternalThreads.MayRead(principal, assessment, team);
        var threads = await db.ClarificationThreads.AsNoTracking().Include(t => t.Messages)
            .Where(t => t.AssessmentId == assessment.Id && (readsInternal || t.InvitationId != null))
            .ToListAsync(cancellationToken);
        var withSupplier = SupplierAnswerReview.ConversationsOf(assessment, threads.Where(t => t.InvitationId is not null), invitations);
        var inside = readsInternal
            ? InternalThreads.ConversationsOf(principal, assessment, team, threads.Where(t => t.InvitationId is null))
            : InternalConversations.None;
        return (withSupplier, inside);
    }
}
