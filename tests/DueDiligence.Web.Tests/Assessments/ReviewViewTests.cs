using System.Globalization;
using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.ReviewScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>The legal-review and decision view as each participant sees it: what it shows and which actions it offers.</summary>
public sealed class ReviewViewTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Every button or form that changes the assessment.</summary>
    private static readonly string[] Actions =
        ["take-into-review", "forward-to-decision", "return-to-draft", "add-finding", "add-condition", "decide", "decision-form"];

    [Fact]
    public async Task Render_WhenSubmittedForALegalReviewer_OffersTakingItIntoReviewOrReturningIt()
    {
        var id = await SubmittedAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal(["take-into-review", "return-to-draft"], Actions.Where(review.Has));
        Assert.Empty(review.TestIds("verify-evidence-"));
        Assert.StartsWith("Submitted: waiting for legal review", review.TextOf("workflow-actions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenInLegalReview_OffersToVerifyEachUnverifiedFileOnly()
    {
        var id = await InLegalReviewAsync(app, files: [("DS-01", "ISO27001-certificate.pdf"), ("CT-01", "NDA-signed.pdf")]);
        var files = (await LoadAsync(app, id, Legal, LegalRole)).Assessment.Evidence;
        var certificate = files.Single(f => f.OriginalFileName == "ISO27001-certificate.pdf");
        var nda = files.Single(f => f.OriginalFileName == "NDA-signed.pdf");
        await AsLegalAsync(app, r => r.VerifyEvidenceAsync(id, certificate.Id));

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal([$"verify-evidence-{nda.Id}"], review.TestIds("verify-evidence-"));
        Assert.StartsWith(Legal, review.TextOf($"verification-{certificate.Id}"), StringComparison.Ordinal);
        Assert.Equal(["forward-to-decision", "return-to-draft", "add-finding", "add-condition"], Actions.Where(review.Has));
        Assert.Equal("Evidence verified: 1 of 2 files", review.TextOf("review-checklist").Split(" Open")[0]);
    }

    [Fact]
    public async Task Render_WhenAFileWasWithdrawnBeforeSubmitting_ListsItAsWithdrawnAndNeitherCountsNorOffersToVerifyIt()
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id);
        var kept = await UploadAsync(id, "DS-01", "ISO27001-certificate-2026.pdf");
        var withdrawn = await UploadAsync(id, "DS-01", "ISO27001-certificate-2023.pdf");
        await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<WithdrawEvidence>().ExecuteAsync(id, withdrawn.Id, "Superseded by the 2026 certificate."));
        await SubmitAsync(app, id);
        await AsLegalAsync(app, r => r.StartReviewAsync(id));

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal([$"verify-evidence-{kept.Id}"], review.TestIds("verify-evidence-"));
        Assert.StartsWith($"Withdrawn by {Analyst}", review.TextOf($"verification-{withdrawn.Id}"), StringComparison.Ordinal);
        Assert.Contains("Superseded by the 2026 certificate.", review.TextOf($"verification-{withdrawn.Id}"), StringComparison.Ordinal);
        Assert.Equal("Evidence verified: 0 of 1 file", review.TextOf("review-checklist").Split(" Open")[0]);
    }

    [Fact]
    public async Task RiskSummaryEvidenceIndex_WhenAFileWasWithdrawn_SaysWhoWithdrewItWhenAndWhy()
    {
        var id = await NewDraftAsync(app);
        var withdrawn = await UploadAsync(id, "DS-01", "ISO27001-certificate-2023.pdf");
        await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<WithdrawEvidence>().ExecuteAsync(id, withdrawn.Id, "Superseded by the 2026 certificate."));
        var evidence = (await LoadAsync(app, id)).Assessment.Evidence.ToList();
        await using var context = Ui.ComponentContext.Create();

        var index = context.Render<Web.Features.Assessments.RiskSummary.RiskSummaryEvidenceIndex>(p => p.Add(c => c.Evidence, evidence));

        var row = index.Find("tr.file").TextContent;
        Assert.Contains($"Withdrawn, {Analyst},", row, StringComparison.Ordinal);
        Assert.Contains("Superseded by the 2026 certificate.", row, StringComparison.Ordinal);
    }

    private Task<EvidenceFile> UploadAsync(Guid id, string questionCode, string fileName) =>
        app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, questionCode, fileName, new MemoryStream(Evidence.SampleFiles.Pdf()), null));

    [Fact]
    public async Task Render_WithOneFile_CountsItInTheSingular()
    {
        var id = await SubmittedAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal("Evidence verified: 0 of 1 file", review.TextOf("review-checklist").Split(" Open")[0]);
    }

    [Fact]
    public async Task Render_WhenAwaitingDecisionForTheExecutive_LeadsWithTierRecommendationAndKeyFigures()
    {
        var id = await AwaitingDecisionAsync(app);
        var score = (await LoadAsync(app, id, Executive, ExecutiveRole)).Score;

        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        Assert.Equal(score.Tier.ToString(), review.TextOf("decision-tier"));
        Assert.Equal(score.Recommendation.ToDisplayText(), review.TextOf("decision-recommendation"));
        Assert.Equal(OneDecimal(score.ResidualRisk), review.TextOf("decision-r"));
        Assert.Equal(OneDecimal(score.ControlScore), review.TextOf("decision-c"));
        Assert.Equal(OneDecimal(score.JurisdictionRisk), review.TextOf("decision-j"));
        Assert.Equal("Vietnam", review.TextOf("decision-j-country"));
        Assert.Equal("100 %", review.TextOf("decision-completion"));
        Assert.Equal(score.WhatWouldChangeTier.Take(5).Select(c => $"tier-change-{c.QuestionCode}"), review.TestIds("tier-change-"));
    }

    [Fact]
    public async Task Render_WhenAwaitingDecisionForTheExecutive_OffersTheDecisionConditionsAndReturnButNotLegalSteps()
    {
        var id = await AwaitingDecisionAsync(app);

        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        Assert.Equal(["return-to-draft", "add-finding", "add-condition", "decide", "decision-form"], Actions.Where(review.Has));
        Assert.Equal(
            ["Approve", "Approve with conditions", "Reject"],
            review.View.FindAll("[data-testid=decision-form] label.mud-radio").Select(l => ReviewRendering.Plain(l.TextContent)));
        Assert.Equal("textarea", review.Element("decision-rationale").TagName, ignoreCase: true);
    }

    [Fact]
    public async Task Render_WhenAwaitingDecisionForALegalReviewer_OffersNoAction()
    {
        var id = await AwaitingDecisionAsync(app);

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.DoesNotContain(Actions, review.Has);
        Assert.StartsWith("Awaiting the executive's decision", review.TextOf("workflow-actions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenAKnockOutIsNotWaived_ShowsItAndOffersTheApproverAWaiver()
    {
        var id = await InLegalReviewAsync(app, RefusesTheNda);
        await AsLegalAsync(app, r => r.ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms."));

        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        Assert.Equal("Critical", review.TextOf("decision-tier"));
        Assert.Equal("Do not proceed", review.TextOf("decision-recommendation"));
        Assert.Contains("answered No Not waived", review.TextOf("knockout-CT-01"), StringComparison.Ordinal);
        Assert.True(review.Has("waive-CT-01"));
    }

    [Fact]
    public async Task Render_WhenAKnockOutIsWaived_KeepsItListedWithWhoWaivedItAndWhy()
    {
        var id = await InLegalReviewAsync(app, RefusesTheNda);
        await AsLegalAsync(app, r => r.WaiveKnockOutAsync(id, "CT-01", WaiverRationale));

        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        Assert.Contains("answered No Waived", review.TextOf("knockout-CT-01"), StringComparison.Ordinal);
        Assert.Matches($"^Waived by {Legal} on \\d{{4}}-\\d{{2}}-\\d{{2}} \\d{{2}}:\\d{{2}} UTC: {WaiverRationale}$", review.TextOf("waiver-CT-01"));
        Assert.False(review.Has("waive-CT-01"));
        Assert.NotEqual("Do not proceed", review.TextOf("decision-recommendation"));
    }

    [Theory]
    [InlineData(Executive, "Executive")]
    [InlineData(Legal, "LegalReviewer")]
    [InlineData(Analyst, "Analyst")]
    public async Task Render_WhenDecided_ShowsTheDecisionRecordAndNoActionToAnyone(string user, string role)
    {
        var id = await AwaitingDecisionAsync(app);
        var decision = await DecideAsync(app, id, DecisionOutcome.Approved, "Strong controls; the NDA and audit rights are in place.");

        await using var review = await ReviewRendering.RenderAsync(app, id, user, [role]);

        Assert.Equal("Approved", review.TextOf("decision-record-outcome"));
        Assert.Equal(Executive, review.TextOf("decision-record-by"));
        Assert.Equal(decision.ReassessmentDueOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), review.TextOf("decision-record-due"));
        Assert.Equal("Strong controls; the NDA and audit rights are in place.", review.TextOf("decision-record-rationale"));
        Assert.Equal(decision.Tier.ToString(), review.TextOf("decision-tier"));
        Assert.DoesNotContain(Actions, review.Has);
        Assert.Empty(review.TestIds("waive-"));
        Assert.Contains("Score kept at the decision", review.TextOf("score-basis"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ForAnotherAnalyst_NamesTheEvidenceWithoutDownloadLinks()
    {
        var id = await SubmittedAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await LoadAsync(app, id)).Assessment.Evidence);

        await using var other = await ReviewRendering.RenderAsync(app, id, OtherAnalyst, AnalystRole);
        await using var legal = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.Contains("ISO27001-certificate.pdf", other.TextOf("evidence-index"), StringComparison.Ordinal);
        Assert.Empty(other.View.FindAll($"a[href*='/evidence/{file.Id}']"));
        Assert.Equal($"/assessments/{id}/evidence/{file.Id}", legal.Element($"evidence-download-{file.Id}").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_EvidenceIndex_ShowsSizeShortFingerprintWithTheFullOneToCopyAndUploader()
    {
        var id = await SubmittedAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await LoadAsync(app, id)).Assessment.Evidence);

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        var fingerprint = review.View.Find($"[data-testid=evidence-index] .sha256[data-sha256='{file.Sha256}']");
        Assert.Equal($"{file.Sha256[..12]}… Copy", ReviewRendering.TextOf(fingerprint));
        Assert.Equal($"Copy the full SHA-256 of {file.OriginalFileName}", fingerprint.QuerySelector("button")!.GetAttribute("aria-label"));
        Assert.Equal($"{file.Length} bytes", review.TextOf($"evidence-size-{file.Id}"));
        Assert.StartsWith(Analyst, review.TextOf($"evidence-uploaded-{file.Id}"), StringComparison.Ordinal);
        Assert.Equal("not verified", review.TextOf($"verification-{file.Id}"));
    }

    [Fact]
    public async Task Render_Answers_ShowsEachAnswerInWordsWithItsJustification()
    {
        var id = await SubmittedAsync(app);

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal("No", review.TextOf("answer-text-DD-04"));
        Assert.Equal("Level 4 (Optimised)", review.TextOf("answer-text-LL-01"));
        Assert.Equal(DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), review.TextOf("answer-text-DD-07"));
        Assert.Equal("Described in the supplier's written reply.", review.TextOf("answer-text-DD-08"));
        Assert.Equal($"Yes No evidence because: {CompleteAnswers.Justification}", review.TextOf("review-answer-CT-01"));
        Assert.Equal("none attached", review.TextOf("review-evidence-CT-01"));
    }

    [Theory]
    [InlineData(0, "Rated 0 (none) by the analyst, on a scale from 0 (none) to 1 (full)")]
    [InlineData(0.5, "Rated 0.5 (partial) by the analyst, on a scale from 0 (none) to 1 (full)")]
    [InlineData(1, "Rated 1 (full) by the analyst, on a scale from 0 (none) to 1 (full)")]
    public async Task Render_TextAnswerWithAManualRating_ShowsTheRatingWithItsLabel(double rating, string expected)
    {
        var id = await SubmittedAsync(app, question => question.Type == QuestionType.Text ? CompleteAnswers.Best(question) with { ManualRating = rating } : null);

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal(expected, review.TextOf("answer-rating-DD-08"));
    }

    [Fact]
    public async Task Render_History_ListsEveryWorkflowStepWithWhoTookIt()
    {
        var id = await InLegalReviewAsync(app);
        await AsLegalAsync(app, r => r.ReturnToDraftAsync(id, "Attach the signed NDA instead of the justification."));

        await using var review = await ReviewRendering.RenderAsync(app, id, Legal, LegalRole);

        Assert.Matches(
            $"Legal review → Draft {Legal} Attach the signed NDA instead of the justification\\. .* Submitted → Legal review {Legal} .* Draft → Submitted {Analyst} .* Started as draft {Analyst}$",
            review.TextOf("workflow-history"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_Always_SaysThingsInPlainWordsWithoutIdsEnumNamesOrDocumentReferences(bool decided)
    {
        var id = await InLegalReviewAsync(app, RefusesTheNda, ("DS-01", "ISO27001-certificate.pdf"));
        await AsLegalAsync(app, r => r.WaiveKnockOutAsync(id, "CT-01", WaiverRationale));
        await AsLegalAsync(app, r => r.ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms."));
        if (decided)
        {
            await DecideAsync(app, id, DecisionOutcome.Rejected, "The supplier would hold our full firmware in one place.");
        }

        await using var review = await ReviewRendering.RenderAsync(app, id, Executive, ExecutiveRole);

        var text = review.AllText();
        Assert.DoesNotMatch("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", text);
        Assert.DoesNotMatch(@"\b(LegalReview|AwaitingDecision|ApprovedWithConditions|DoNotProceed|ProceedWithConditions|LegalRating|SCORING)\b", text);
        Assert.DoesNotContain("§", text, StringComparison.Ordinal);
    }

    private static string OneDecimal(double value) => Display.Round1(value).ToString("0.0", CultureInfo.InvariantCulture);
}
