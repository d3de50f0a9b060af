using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>What discarding removed: the draft, and whether the template left the list with it (it had no other version).</summary>
public sealed record DiscardedDraft(string Name, int VersionNumber, bool TemplateRemoved);

/// <summary>
/// An administrator discards a template's draft: it is deleted, with an audit event that keeps its content. Only a draft
/// can be discarded, and no assessment can refer to one (assessments start on a published version), so nothing is left
/// pointing at it. The edit stamp guards against discarding changes someone else saved after the page was opened.
/// </summary>
public sealed class DiscardTemplateDraft(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<DiscardedDraft> ExecuteAsync(Guid id, Guid editStamp, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(TemplateQueries.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.TemplateVersions.FirstOrDefaultAsync(v => v.Id == id, cancellationToken)
            ?? throw new DomainException("This draft no longer exists: someone may have discarded or published it a moment ago. Reload the template list.");
        draft.EnsureDiscardable();
        var conflict =
            $"Version {draft.VersionNumber} of \"{draft.Name}\" was changed by someone else after you opened it, so it was not discarded. Reload the page to see their changes first.";
        if (draft.EditStamp != editStamp)
        {
            throw new ConcurrencyConflictException(conflict);
        }

        // A draft is never used by an assessment; should one ever be, the database's restriction would refuse the delete.
        if (await db.Assessments.AnyAsync(a => a.TemplateVersionId == id, cancellationToken))
        {
            throw new DomainException($"Version {draft.VersionNumber} of \"{draft.Name}\" is used by an assessment and is kept.");
        }

        var otherVersions = await db.TemplateVersions.CountAsync(v => v.TemplateKey == draft.TemplateKey && v.Id != id, cancellationToken);
        db.TemplateVersions.Remove(draft);
        await db.SaveOrConflictAsync(conflict, cancellationToken);
        return new DiscardedDraft(draft.Name, draft.VersionNumber, TemplateRemoved: otherVersions == 0);
    }
}
