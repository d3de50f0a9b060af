using System.Net;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Portal;

/// <summary>
/// Conversations about a question: files on messages (through the evidence checks, downloadable only by those who may read
/// the conversation), internal conversations between legal and the analyst (never in the portal), and reopening a
/// question for the supplier after its submit.
/// </summary>
public sealed class ClarificationThreadTests : IAsyncDisposable
{
    private readonly PortalApp _portal = new();

    [Fact]
    public async Task MessagesWithFiles_FromTheAnalystAndTheContact_AreStoredAuditedAndDownloadableByBothSides()
    {
        var (id, cookie) = await SubmittedDs04Async();
        var pdf = Evidence.SampleFiles.Pdf();

        await _portal.AsAnalystAsync(s => s.GetRequiredService<SupplierAnswerReview>()
            .AskAsync(id, "DS-04", "Does this template match your review?", new AttachmentUpload("review-template.pdf", new MemoryStream(pdf))));
        await _portal.AsContactAsync(cookie, (p, i) => p.ReplyAsync(i, "DS-04", "Yes, signed copy attached.", new AttachmentUpload("signed-review.pdf", new MemoryStream(pdf))));

        var messages = Assert.Single((await _portal.AsContactAsync(cookie, (p, i) => p.LoadAsync(i))).Threads).Messages;
        Assert.Equal(["review-template.pdf", "signed-review.pdf"], messages.Select(m => m.FileName));
        foreach (var message in messages)
        {
            var download = await _portal.GetAsync(cookie, ThreadFileEndpoints.PortalFileLink(message.Id));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        }

        var files = await _portal.EventsAsync(nameof(MessageAttachment));
        Assert.Equal(2, files.Count(e => e.Action == AuditAction.Insert));
        Assert.Contains(await _portal.EventsAsync(nameof(ClarificationMessage)), e => e.Actor == $"{PortalApp.Contact} (supplier contact)");
        var store = _portal.App.Services.GetRequiredService<EvidenceStore>();
        Assert.All(await StoredMessagesAsync(id), m =>
        {
            using var kept = store.OpenRead(m.Attachment!.StorageKey);
            Assert.Equal(pdf.Length, kept.Length);
        });
    }

    [Fact]
    public async Task ContactReply_WithAFileThatFailsTheEvidenceChecks_IsRefusedWithTheReason_AndNothingIsStored()
    {
        var (id, cookie) = await SubmittedDs04Async();
        await _portal.AsAnalystAsync(s => s.GetRequiredService<SupplierAnswerReview>().AskAsync(id, "DS-04", "Which systems?"));

        var refused = await Assert.ThrowsAsync<EvidenceRejectedException>(() => _portal.AsContactAsync(cookie, (p, i) =>
            p.ReplyAsync(i, "DS-04", "See the attached tool.", new AttachmentUpload("tool.exe", new MemoryStream([0x4D, 0x5A, 0x90, 0x00])))));

        Assert.Contains(".exe", refused.Message, StringComparison.Ordinal);
        Assert.Single(Assert.Single(await StoredThreadsAsync(id)).Messages);
    }

    [Fact]
    public async Task ContactDownload_OfAnotherInvitationsFile_OrOfAnInternalConversationsFile_IsRefusedAndRecorded()
    {
        var (id, cookie) = await SubmittedDs04Async();
        var (otherId, otherLink) = await _portal.InvitedDraftAsync("DS");
        var otherCookie = await _portal.OpenLinkAsync(otherLink);
        await _portal.AsContactAsync(otherCookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 1 }, null));
        await _portal.AsAnalystAsync(s => s.GetRequiredService<SupplierAnswerReview>()
            .AskAsync(otherId, "DS-04", "For the other supplier.", new AttachmentUpload("other.pdf", new MemoryStream(Evidence.SampleFiles.Pdf()))));
        await AsLegalAsync(s => s.GetRequiredService<InternalThreads>()
            .WriteAsync(id, "DS-04", "Internal: is this the group policy?", new AttachmentUpload("internal-note.pdf", new MemoryStream(Evidence.SampleFiles.Pdf()))));
        var otherFile = Assert.Single(Assert.Single(await StoredThreadsAsync(otherId)).Messages).Id;
        var internalFile = Assert.Single(Assert.Single(await StoredThreadsAsync(id)).Messages).Id;

        foreach (var messageId in new[] { otherFile, internalFile })
        {
            var response = await _portal.GetAsync(cookie, ThreadFileEndpoints.PortalFileLink(messageId));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(PortalEndpoints.RefusedPath(PortalRefusal.OutsideInvitation), response.Headers.Location?.OriginalString);
        }

        var refusals = await _portal.EventsAsync(nameof(SecurityEvent.PortalRefused));
        Assert.Contains(refusals, e => e.Changes.Contains(otherFile.ToString(), StringComparison.Ordinal));
        Assert.Contains(refusals, e => e.Changes.Contains(internalFile.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task InternalConversation_IsNeverInThePortal_AndOnlyThoseWhoMayOpenTheFilesReadIt()
    {
        var (id, cookie) = await SubmittedDs04Async();
        await AsLegalAsync(s => s.GetRequiredService<InternalThreads>().WriteAsync(id, "DS-04", "Internal: the supplier's answer contradicts the audit report."));

        var portal = await _portal.AsContactAsync(cookie, (p, i) => p.LoadAsync(i));
        var supplierThreads = await _portal.SupplierThreadsAsync(id);
        var analyst = await _portal.AsAnalystAsync(s => s.GetRequiredService<InternalThreads>().ListAsync(id));
        var other = await AppFactory.AsUserAsync(_portal.App.Services, OtherAnalyst, AnalystRole, s => s.GetRequiredService<InternalThreads>().ListAsync(id));

        Assert.Empty(portal.Threads);
        Assert.Empty(supplierThreads.Threads);
        Assert.Equal("Internal: the supplier's answer contradicts the audit report.", Assert.Single(Assert.Single(analyst.Threads).Messages).Text);
        Assert.True(analyst.CanWrite);
        Assert.False(analyst.CanStart);
        Assert.Empty(other.Threads);
        await Assert.ThrowsAsync<ForbiddenException>(() => AppFactory.AsUserAsync(_portal.App.Services, OtherAnalyst, AnalystRole,
            s => s.GetRequiredService<InternalThreads>().WriteAsync(id, "DS-04", "Let me in.")));
    }

    [Fact]
    public async Task InternalConversation_LegalAsksAndTheAnalystAnswers_EachSideIsTold_AndEitherResolves()
    {
        await using (var users = await _portal.Factory.CreateDbContextAsync())
        {
            _portal.AnalystId = await users.Users.Where(u => u.Email == "analyst@demo.local").Select(u => u.Id).SingleAsync();
        }

        var legalId = await LegalIdAsync();
        var (id, _) = await _portal.InvitedDraftAsync("DS");

        await AsLegalAsync(s => s.GetRequiredService<InternalThreads>().WriteAsync(id, "DS-04", "Which audit covers this?"), legalId);
        await Assert.ThrowsAsync<DomainException>(() => _portal.AsAnalystAsync(s => s.GetRequiredService<InternalThreads>().WriteAsync(id, "DS-05", "Unasked.")));
        var answered = await _portal.AsAnalystAsync(s => s.GetRequiredService<InternalThreads>().WriteAsync(id, "DS-04", "The 2026 ISO audit."));
        await _portal.AsAnalystAsync(async s =>
        {
            await s.GetRequiredService<InternalThreads>().ResolveAsync(id, answered.Id);
            return true;
        });

        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Contains(await db.Notifications.AsNoTracking().Where(n => n.RecipientId == _portal.AnalystId).Select(n => n.Title).ToListAsync(), t => t == "Legal asks about DS-04");
        Assert.Contains(await db.Notifications.AsNoTracking().Where(n => n.RecipientId == legalId).Select(n => n.Title).ToListAsync(), t => t.EndsWith("answered about DS-04", StringComparison.Ordinal));
        var thread = Assert.Single(await StoredThreadsAsync(id));
        Assert.False(thread.IsOpen);
        Assert.Equal(2, thread.Messages.Count);
    }

    [Fact]
    public async Task MarkingEvidenceInsufficient_OpensTheInternalConversationWithTheReason()
    {
        var id = await Assessments.ReviewScenarios.InLegalReviewAsync(_portal.Factory, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await _portal.AssessmentAsync(id)).Evidence);

        await AppFactory.AsUserAsync(_portal.Factory.Services, Legal, LegalRole,
            s => s.GetRequiredService<ReviewAssessment>().MarkEvidenceInsufficientAsync(id, file.Id, "The certificate names a sister company."));

        var conversations = await AppFactory.AsUserAsync(_portal.Factory.Services, Analyst, AnalystRole, s => s.GetRequiredService<InternalThreads>().ListAsync(id));
        var thread = Assert.Single(conversations.Threads);
        Assert.Equal("DS-01", thread.QuestionCode);
        Assert.True(thread.IsOpen);
        Assert.Equal("“ISO27001-certificate.pdf” is insufficient: The certificate names a sister company.", Assert.Single(thread.Messages).Text);
        Assert.Equal(Legal, thread.Messages[0].AuthorName);
    }

    [Fact]
    public async Task Reopen_AfterTheSubmit_LetsTheContactChangeOnlyThatQuestion_AndIsAuditedAndRefusedTwice()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);
        var first = await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 2 }, null));
        var other = await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-05", Maturity = 2 }, null));
        var review = (IServiceProvider s) => s.GetRequiredService<SupplierAnswerReview>();
        await Assert.ThrowsAsync<DomainException>(() => _portal.AsAnalystAsync(async s =>
        {
            await review(s).ReopenAsync(id, "DS-04");
            return true;
        }));
        await _portal.AsContactAsync(cookie, (p, i) => p.SubmitAsync(i));
        Assert.Equal(["DS-04", "DS-05"], (await _portal.SupplierThreadsAsync(id)).Reopenable.Order());

        await _portal.AsAnalystAsync(async s =>
        {
            await review(s).ReopenAsync(id, "DS-04");
            return true;
        });

        Assert.Equal(["DS-05"], (await _portal.SupplierThreadsAsync(id)).Reopenable);
        Assert.Contains("DS-04", (await _portal.AsContactAsync(cookie, (p, i) => p.LoadAsync(i))).Changeable);
        await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 3 }, first.Version));
        await Assert.ThrowsAsync<DomainException>(() =>
            _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-05", Maturity = 3 }, other.Version)));
        var again = await Assert.ThrowsAsync<DomainException>(() => _portal.AsAnalystAsync(async s =>
        {
            await review(s).ReopenAsync(id, "DS-04");
            return true;
        }));
        Assert.Contains("can already change DS-04", again.Message, StringComparison.Ordinal);
        Assert.Contains(await _portal.EventsAsync(nameof(SupplierInvitation)), e => e.Action == AuditAction.Update && e.Changes.Contains("DS-04", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reopen_ByAnAnalystWhoDoesNotWorkOnTheAssessment_IsRefusedByTheSameRuleAsInvitations()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);
        await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 2 }, null));
        await _portal.AsContactAsync(cookie, (p, i) => p.SubmitAsync(i));

        var reopen = await Assert.ThrowsAsync<ForbiddenException>(() => AppFactory.AsUserAsync(_portal.App.Services, OtherAnalyst, AnalystRole,
            async s =>
            {
                await s.GetRequiredService<SupplierAnswerReview>().ReopenAsync(id, "DS-04");
                return true;
            }));
        var revoke = await Assert.ThrowsAsync<ForbiddenException>(() => AppFactory.AsUserAsync(_portal.App.Services, OtherAnalyst, AnalystRole,
            async s =>
            {
                await s.GetRequiredService<SupplierInvitations>().RevokeAsync(id, Guid.NewGuid());
                return true;
            }));

        Assert.StartsWith(AssessmentAccess.WorkersOnly, reopen.Message, StringComparison.Ordinal);
        Assert.StartsWith(AssessmentAccess.WorkersOnly, revoke.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DS-04", (await _portal.AsContactAsync(cookie, (p, i) => p.LoadAsync(i))).Changeable);
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    /// <summary>A draft whose contact answered DS-04 and submitted; the contact's portal cookie.</summary>
    private async Task<(Guid Id, string Cookie)> SubmittedDs04Async()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);
        await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 2 }, null));
        await _portal.AsContactAsync(cookie, (p, i) => p.SubmitAsync(i));
        return (id, cookie);
    }

    private Task<T> AsLegalAsync<T>(Func<IServiceProvider, Task<T>> work, string legal = Legal) =>
        AppFactory.AsUserAsync(_portal.App.Services, legal, LegalRole, work);

    private async Task<string> LegalIdAsync()
    {
        await using var users = await _portal.Factory.CreateDbContextAsync();
        return await users.Users.Where(u => u.Email == "legal@demo.local").Select(u => u.Id).SingleAsync();
    }

    private async Task<List<ClarificationThread>> StoredThreadsAsync(Guid assessmentId)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.ClarificationThreads.AsNoTracking().Include(t => t.Messages).Where(t => t.AssessmentId == assessmentId).ToListAsync();
    }

    private async Task<List<ClarificationMessage>> StoredMessagesAsync(Guid assessmentId) =>
        (await StoredThreadsAsync(assessmentId)).SelectMany(t => t.Messages).ToList();
}
