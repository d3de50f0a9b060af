using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Portal;

/// <summary>
/// What the supplier contact answers through the portal: marked as its own everywhere, counted only once the analyst
/// accepts it, read-only after its submit except what the analyst asks about, and never in conflict with other questions.
/// </summary>
public sealed class SupplierAnswerTests : IAsyncDisposable
{
    private readonly PortalApp _portal = new();

    [Fact]
    public async Task SupplierAnswer_CountsOnlyOnceAccepted_AndSoDoesItsFile_AndTheAuditTrailNamesTheContact()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);
        await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 4, Comment = "Reviewed quarterly." }, null));
        await _portal.AsContactAsync(cookie, (p, i) => p.UploadAsync(i, "DS-04", "access-policy.pdf", new MemoryStream(Evidence.SampleFiles.Pdf())));

        var before = await _portal.AssessmentAsync(id);
        Assert.Equal(PortalApp.Contact, before.AnswerTo("DS-04")!.GivenByContact);
        Assert.True(before.AnswerTo("DS-04")!.AwaitsAcceptance);
        Assert.DoesNotContain(before.ToScoringAnswers(), a => a.QuestionCode == "DS-04");
        Assert.False(before.Evidence.Single().CountsAsAttached);
        Assert.Contains(SubmissionCheck.Missing(before.Template, before.Answers, before.Evidence, _portal.Today),
            m => m.QuestionCode == "DS-04" && m.Reason == MissingReason.SupplierAnswerNotAccepted);

        await _portal.AsAnalystAsync(s => s.GetRequiredService<SupplierAnswerReview>().AcceptAsync(id, "DS-04"));

        var after = await _portal.AssessmentAsync(id);
        Assert.Contains(after.ToScoringAnswers(), a => a.QuestionCode == "DS-04" && a.Maturity == 4);
        Assert.True(after.Evidence.Single().CountsAsAttached);
        Assert.Equal(PortalApp.Contact, after.AnswerTo("DS-04")!.GivenByContact);
        Assert.Equal(Analyst, after.AnswerTo("DS-04")!.AcceptedByName);
        var answerEvents = await _portal.EventsAsync(nameof(AssessmentAnswer));
        Assert.Contains(answerEvents, e => e.Actor == $"{PortalApp.Contact} (supplier contact)");
    }

    [Fact]
    public async Task Portal_ShowsOnlyTheInvitedSections_WithoutWeightsKnockOutsOrOurAnswersAndComments()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        await AnswerAsync(_portal.Factory, id, new AnswerInput { QuestionCode = "DS-01", YesNo = true, Comment = "Internal: their IT lead sounded unsure." });
        var cookie = await _portal.OpenLinkAsync(link);

        var view = await _portal.AsContactAsync(cookie, (p, i) => p.LoadAsync(i));

        Assert.Equal(["DS"], view.Sections.Select(s => s.Code));
        Assert.All(view.Sections.SelectMany(s => s.Questions), q =>
        {
            Assert.Equal(1, q.Weight);
            Assert.Null(q.KnockOut);
            Assert.Empty(q.Bands);
            Assert.Equal("", q.Mitigation);
        });
        Assert.Null(view.Answers["DS-01"].Value);
    }

    [Fact]
    public async Task AfterSubmit_AnswersAreReadOnly_UntilTheAnalystAsksAboutOne_WhichOnlyThatQuestionReopens()
    {
        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);
        var first = await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 2 }, null));
        var other = await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-05", Maturity = 3 }, null));
        await _portal.AsContactAsync(cookie, (p, i) => p.SubmitAsync(i));

        var locked = await Assert.ThrowsAsync<DomainException>(() =>
            _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 4 }, first.Version)));
        Assert.Contains("read-only", locked.Message, StringComparison.Ordinal);

        await _portal.AsAnalystAsync(s => s.GetRequiredService<SupplierAnswerReview>().AskAsync(id, "DS-04", "Which systems does level 2 cover?"));
        await _portal.AsContactAsync(cookie, (p, i) => p.ReplyAsync(i, "DS-04", "All production systems; we raise it to 3."));
        await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 3 }, first.Version));
        await Assert.ThrowsAsync<DomainException>(() =>
            _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-05", Maturity = 4 }, other.Version)));

        var threads = await _portal.SupplierThreadsAsync(id);
        var thread = Assert.Single(threads.Threads);
        Assert.Equal(["Which systems does level 2 cover?", "All production systems; we raise it to 3."], thread.Messages.Select(m => m.Text));
        Assert.True(thread.Messages[1].FromSupplier);
        Assert.Equal(3, (await _portal.AssessmentAsync(id)).AnswerTo("DS-04")!.Maturity);
        var seen = await _portal.AsContactAsync(cookie, (p, i) => p.LoadAsync(i));
        Assert.Equal(2, Assert.Single(seen.Threads).Messages.Count);
    }

    [Fact]
    public async Task SubmitAndReply_TellTheAnalystInTheApp()
    {
        await using (var users = await _portal.Factory.CreateDbContextAsync())
        {
            _portal.AnalystId = await users.Users.Where(u => u.Email == "analyst@demo.local").Select(u => u.Id).SingleAsync();
        }

        var (id, link) = await _portal.InvitedDraftAsync("DS");
        var cookie = await _portal.OpenLinkAsync(link);
        await _portal.AsContactAsync(cookie, (p, i) => p.AnswerAsync(i, new AnswerInput { QuestionCode = "DS-04", Maturity = 2 }, null));
        await _portal.AsContactAsync(cookie, (p, i) => p.SubmitAsync(i));
        await _portal.AsAnalystAsync(s => s.GetRequiredService<SupplierAnswerReview>().AskAsync(id, "DS-04", "Which systems?"));
        await _portal.AsContactAsync(cookie, (p, i) => p.ReplyAsync(i, "DS-04", "All of them."));

        await using var db = await _portal.Factory.CreateDbContextAsync();
        var titles = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == _portal.AnalystId && n.Link == $"/assessments/{id}").Select(n => n.Title).ToListAsync();

        Assert.Contains($"{PortalApp.Contact} submitted answers", titles);
        Assert.Contains($"{PortalApp.Contact} replied about DS-04", titles);
    }

    [Fact]
    public async Task AnalystAndContact_SavingDifferentQuestionsFromTheSameLoadedState_DoNotConflict()
    {
        var (id, _) = await _portal.InvitedDraftAsync("DS");
        await using var analystDb = await _portal.Factory.CreateDbContextAsync();
        await using var contactDb = await _portal.Factory.CreateDbContextAsync();
        var analystCopy = await AssessmentStore.LoadAsync(analystDb, id, CancellationToken.None);
        var contactCopy = await AssessmentStore.LoadAsync(contactDb, id, CancellationToken.None);
        var now = _portal.Clock.GetUtcNow().UtcDateTime;

        analystCopy.RecordAnswer(new AnswerInput { QuestionCode = "DD-01", Number = 12 }, new Actor(Analyst, Analyst), now, null);
        contactCopy.RecordSupplierAnswer(new AnswerInput { QuestionCode = "DS-04", Maturity = 3 }, new Actor("contact:x", PortalApp.Contact), now, null);
        await AssessmentStore.SaveContentAsync(analystDb, id, CancellationToken.None);
        await AssessmentStore.SaveContentAsync(contactDb, id, CancellationToken.None);

        var saved = await _portal.AssessmentAsync(id);
        Assert.Equal(12, saved.AnswerTo("DD-01")!.Number);
        Assert.Equal(3, saved.AnswerTo("DS-04")!.Maturity);
    }

    [Fact]
    public async Task Submission_ReadBeforeAnAnswerWasSaved_IsRefusedInsteadOfMissingIt()
    {
        var (id, _) = await _portal.InvitedDraftAsync("DS");
        await using var submitDb = await _portal.Factory.CreateDbContextAsync();
        var stale = await AssessmentStore.LoadAsync(submitDb, id, CancellationToken.None);
        await AnswerAsync(_portal.Factory, id, new AnswerInput { QuestionCode = "DD-01", Number = 12 });

        // Any workflow step (submit, return, carry-forward confirmation) saves the assessment row from the version it read.
        submitDb.Entry(stale).Property(a => a.Version).CurrentValue = Guid.NewGuid();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AssessmentStore.SaveAsync(submitDb, CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();
}
