using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.ReviewScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// SCORING.md §2 (policy 2026.2): a legal reviewer marks evidence insufficient with a reason during legal review; the file
/// stays, is audited, and no longer counts as attached evidence in the live score.
/// </summary>
public sealed class EvidenceInsufficientTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Reason = "The certificate names a sister company, not the supplier.";

    [Fact]
    public async Task MarkInsufficient_ByLegalInReview_KeepsTheFileAuditsTheReasonAndLowersTheEvidenceCredit()
    {
        var id = await InLegalReviewAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await LoadAsync(app, id, Legal, LegalRole)).Assessment.Evidence);
        var before = (await LoadAsync(app, id, Legal, LegalRole)).Score;

        var saved = await app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<ReviewAssessment>().MarkEvidenceInsufficientAsync(id, file.Id, Reason));

        var view = await LoadAsync(app, id, Legal, LegalRole);
        var stored = Assert.Single(view.Assessment.Evidence);
        Assert.True(stored.IsInsufficient);
        Assert.Equal((Reason, Legal), (stored.InsufficientReason, stored.InsufficientByName));
        Assert.Equal(EvidenceStatus.Unverified, Question(before, "DS-01").Evidence);
        Assert.Equal(EvidenceStatus.Missing, Question(view.Score, "DS-01").Evidence);
        Assert.True(view.Score.ResidualRisk > before.ResidualRisk);
        Assert.Equal(view.Score.ResidualRisk, saved.Score!.Result.ResidualRisk);
        await using var db = await app.CreateDbContextAsync();
        var change = Assert.Single(await db.AuditEvents.AsNoTracking().Where(e => e.EntityKey == file.Id.ToString() && e.Action == AuditAction.Update).ToListAsync());
        Assert.Equal(Legal, change.Actor);
        Assert.Contains(Reason, change.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkInsufficient_ByTheAnalyst_IsRefusedAndChangesNothing()
    {
        var id = await InLegalReviewAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await LoadAsync(app, id, Legal, LegalRole)).Assessment.Evidence);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<ReviewAssessment>().MarkEvidenceInsufficientAsync(id, file.Id, Reason)));

        Assert.False(Assert.Single((await LoadAsync(app, id, Legal, LegalRole)).Assessment.Evidence).IsInsufficient);
    }

    [Fact]
    public async Task Render_WhenInLegalReview_OffersInsufficientBesideVerifyAndThenShowsWhoMarkedItAndWhy()
    {
        var id = await InLegalReviewAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await LoadAsync(app, id, Legal, LegalRole)).Assessment.Evidence);
        await using (var offered = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole))
        {
            Assert.Equal([$"mark-insufficient-{file.Id}"], offered.TestIds("mark-insufficient-"));
            Assert.Equal([$"verify-evidence-{file.Id}"], offered.TestIds("verify-evidence-"));
        }

        await AsLegalAsync(app, r => r.MarkEvidenceInsufficientAsync(id, file.Id, Reason));

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);
        Assert.Empty(review.TestIds("verify-evidence-"));
        Assert.Empty(review.TestIds("mark-insufficient-"));
        Assert.Contains(Reason, review.TextOf($"verification-{file.Id}"), StringComparison.Ordinal);
        Assert.StartsWith($"Insufficient, says {Legal}", review.TextOf($"verification-{file.Id}"), StringComparison.Ordinal);
    }

    private static QuestionScore Question(ScoreResult score, string code) => score.Sections.SelectMany(s => s.Questions).Single(q => q.Code == code);
}
