using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>Submission: refused with every gap listed while anything is missing, accepted once complete, with the score kept.</summary>
public sealed class SubmitAssessmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ExecuteAsync_WhenAnswersAndEvidenceAreMissing_IsRefusedWithEveryMissingItem()
    {
        var id = await NewDraftAsync(app);
        await AnswerAsync(app, id, new AnswerInput { QuestionCode = "DS-01", YesNo = true });
        var questions = (await DefaultTemplateAsync(app)).Definition.Sections.SelectMany(s => s.Questions).ToList();

        var refusal = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => SubmitAsync(app, id));

        var unanswered = refusal.Missing.Where(m => m.Reason == MissingReason.RequiredUnanswered).Select(m => m.QuestionCode);
        var withoutEvidence = refusal.Missing.Where(m => m.Reason == MissingReason.EvidenceMissing).Select(m => m.QuestionCode);
        Assert.Equal(questions.Where(q => q.Required && q.Code != "DS-01").Select(q => q.Code), unanswered);
        Assert.Equal(questions.Where(q => q.EvidenceRequired).Select(q => q.Code), withoutEvidence);
        Assert.Contains(refusal.Missing, m => m.Message ==
            "Attach evidence for DS-01 “Does the supplier hold a valid ISO/IEC 27001 certificate whose scope covers the sites and processes "
            + "that would handle our information?” or explain why there is none: the questionnaire requires evidence.");
        Assert.Contains(refusal.Missing, m => m.Message ==
            "Answer DD-01 “How many years has the supplier been manufacturing products in the category we intend to source?”: the question is required.");
        Assert.StartsWith($"The assessment cannot be submitted yet: {refusal.Missing.Count} items are missing.", refusal.Message, StringComparison.Ordinal);

        var view = await LoadAsync(app, id);
        Assert.Equal(AssessmentStatus.Draft, view.Assessment.Status);
        Assert.Empty(view.Assessment.ScoreSnapshots);
        Assert.Equal(refusal.Missing.Select(m => m.Message), view.Missing.Select(m => m.Message));
    }

    [Fact]
    public async Task ExecuteAsync_WhenOnlyEvidenceIsMissing_NamesExactlyThoseQuestions()
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id, instead: q => q.Code is "DS-01" or "CT-01" ? CompleteAnswers.Best(q) with { EvidenceJustification = null } : null);

        var refusal = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => SubmitAsync(app, id));

        Assert.Equal(
            [("CT-01", MissingReason.EvidenceMissing), ("DS-01", MissingReason.EvidenceMissing)],
            refusal.Missing.Select(m => (m.QuestionCode, m.Reason)));
    }

    [Fact]
    public async Task ExecuteAsync_WhenEverythingIsAnswered_SubmitsAndKeepsTheScoreAtSubmission()
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id, instead: q => q.Code == "DS-01" ? CompleteAnswers.Best(q) with { EvidenceJustification = null } : null);
        await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>()
            .ExecuteAsync(id, "DS-01", "ISO27001-certificate.pdf", new MemoryStream(SampleFiles.Pdf()), null));
        var beforeSubmission = await LoadAsync(app, id);

        await SubmitAsync(app, id);

        var view = await LoadAsync(app, id);
        Assert.Equal(AssessmentStatus.Submitted, view.Assessment.Status);
        Assert.Empty(view.Missing);
        var snapshot = Assert.Single(view.Assessment.ScoreSnapshots);
        Assert.Equal(ScoreSnapshotKind.Submission, snapshot.Kind);
        var kept = snapshot.ReadResult();
        Assert.Equal(beforeSubmission.Score.ControlScore, kept.ControlScore, precision: 10);
        Assert.Equal(beforeSubmission.Score.ResidualRisk, snapshot.ResidualRisk, precision: 10);
        Assert.Equal(beforeSubmission.Score.Tier, snapshot.Tier);
        Assert.Equal("ipdd-2026.2", snapshot.PolicyId);
        var transition = view.Assessment.Transitions[^1];
        Assert.Equal((AssessmentStatus.Draft, AssessmentStatus.Submitted, Analyst), (transition.From!.Value, transition.To, transition.ByName));
    }

    [Fact]
    public async Task ExecuteAsync_WhenAlreadySubmitted_IsRefusedWithTheReason()
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id);
        await SubmitAsync(app, id);

        var refusal = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => SubmitAsync(app, id));

        Assert.Equal("Only a draft can be submitted; this assessment is submitted.", refusal.Message);
        Assert.Single((await LoadAsync(app, id)).Assessment.ScoreSnapshots);
    }
}
