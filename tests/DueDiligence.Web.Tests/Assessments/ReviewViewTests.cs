using System.Globalization;
using System.Text.RegularExpressions;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Tests.Infrastructure;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.ReviewMarkup;
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

        var html = await RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal(["take-into-review", "return-to-draft"], Actions.Where(a => Has(html, a)));
        Assert.Empty(TestIds(html, "verify-evidence-"));
        Assert.StartsWith("Submitted: waiting for legal review", TextOf(html, "workflow-actions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenInLegalReview_OffersToVerifyEachUnverifiedFileOnly()
    {
        var id = await InLegalReviewAsync(app, files: [("DS-01", "ISO27001-certificate.pdf"), ("CT-01", "NDA-signed.pdf")]);
        var files = (await LoadAsync(app, id, Legal, LegalRole)).Assessment.Evidence;
        var certificate = files.Single(f => f.OriginalFileName == "ISO27001-certificate.pdf");
        var nda = files.Single(f => f.OriginalFileName == "NDA-signed.pdf");
        await AsLegalAsync(app, r => r.VerifyEvidenceAsync(id, certificate.Id));

        var html = await RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal([$"verify-evidence-{nda.Id}"], TestIds(html, "verify-evidence-"));
        Assert.StartsWith(Legal, TextOf(html, $"verification-{certificate.Id}"), StringComparison.Ordinal);
        Assert.Equal(["forward-to-decision", "return-to-draft", "add-finding", "add-condition"], Actions.Where(a => Has(html, a)));
        Assert.Equal("Evidence verified: 1 of 2 files", TextOf(html, "review-checklist").Split(" Open")[0]);
    }

    [Fact]
    public async Task Render_WhenAwaitingDecisionForTheExecutive_LeadsWithTierRecommendationAndKeyFigures()
    {
        var id = await AwaitingDecisionAsync(app);
        var score = (await LoadAsync(app, id, Executive, ExecutiveRole)).Score;

        var html = await RenderAsync(app, id, Executive, ExecutiveRole);

        Assert.Equal(score.Tier.ToString(), TextOf(html, "decision-tier"));
        Assert.Equal(score.Recommendation.ToDisplayText(), TextOf(html, "decision-recommendation"));
        Assert.Equal(OneDecimal(score.ResidualRisk), TextOf(html, "decision-r"));
        Assert.Equal(OneDecimal(score.ControlScore), TextOf(html, "decision-c"));
        Assert.Equal(OneDecimal(score.JurisdictionRisk), TextOf(html, "decision-j"));
        Assert.Equal("Vietnam", TextOf(html, "decision-j-country"));
        Assert.Equal("100 %", TextOf(html, "decision-completion"));
        Assert.Equal(
            score.WhatWouldChangeTier.Take(5).Select(c => $"tier-change-{c.QuestionCode}"),
            TestIds(html, "tier-change-"));
    }

    [Fact]
    public async Task Render_WhenAwaitingDecisionForTheExecutive_OffersTheDecisionConditionsAndReturnButNotLegalSteps()
    {
        var id = await AwaitingDecisionAsync(app);

        var html = await RenderAsync(app, id, Executive, ExecutiveRole);

        Assert.Equal(["return-to-draft", "add-finding", "add-condition", "decide", "decision-form"], Actions.Where(a => Has(html, a)));
        var outcome = ElementOf(html, "decision-outcome");
        Assert.Equal(
            [("", "Choose…"), ("Approved", "Approve"), ("ApprovedWithConditions", "Approve with conditions"), ("Rejected", "Reject")],
            Options(outcome));
        Assert.True(Has(html, "decision-rationale"));
    }

    [Fact]
    public async Task Render_WhenAwaitingDecisionForALegalReviewer_OffersNoAction()
    {
        var id = await AwaitingDecisionAsync(app);

        var html = await RenderAsync(app, id, Legal, LegalRole);

        Assert.DoesNotContain(Actions, a => Has(html, a));
        Assert.StartsWith("Awaiting the executive's decision", TextOf(html, "workflow-actions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenAKnockOutIsNotWaived_ShowsItAndOffersTheApproverAWaiver()
    {
        var id = await InLegalReviewAsync(app, RefusesTheNda);
        await AsLegalAsync(app, r => r.ForwardToDecisionAsync(id));

        var html = await RenderAsync(app, id, Executive, ExecutiveRole);

        Assert.Equal("Critical", TextOf(html, "decision-tier"));
        Assert.Equal("Do not proceed", TextOf(html, "decision-recommendation"));
        Assert.Contains("answered No Not waived", TextOf(html, "knockout-CT-01"), StringComparison.Ordinal);
        Assert.True(Has(html, "waive-CT-01"));
    }

    [Fact]
    public async Task Render_WhenAKnockOutIsWaived_KeepsItListedWithWhoWaivedItAndWhy()
    {
        var id = await InLegalReviewAsync(app, RefusesTheNda);
        await AsLegalAsync(app, r => r.WaiveKnockOutAsync(id, "CT-01", WaiverRationale));

        var html = await RenderAsync(app, id, Executive, ExecutiveRole);

        Assert.Contains("answered No Waived", TextOf(html, "knockout-CT-01"), StringComparison.Ordinal);
        Assert.Matches($"^Waived by {Legal} on \\d{{4}}-\\d{{2}}-\\d{{2}} \\d{{2}}:\\d{{2}} UTC: {WaiverRationale}$", TextOf(html, "waiver-CT-01"));
        Assert.False(Has(html, "waive-CT-01"));
        Assert.NotEqual("Do not proceed", TextOf(html, "decision-recommendation"));
    }

    [Theory]
    [InlineData(Executive, "Executive")]
    [InlineData(Legal, "LegalReviewer")]
    [InlineData(Analyst, "Analyst")]
    public async Task Render_WhenDecided_ShowsTheDecisionRecordAndNoActionToAnyone(string user, string role)
    {
        var id = await AwaitingDecisionAsync(app);
        var decision = await DecideAsync(app, id, DecisionOutcome.Approved, "Strong controls; the NDA and audit rights are in place.");

        var html = await RenderAsync(app, id, user, [role]);

        Assert.Equal("Approved", TextOf(html, "decision-record-outcome"));
        Assert.Equal(Executive, TextOf(html, "decision-record-by"));
        Assert.Equal(decision.ReassessmentDueOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TextOf(html, "decision-record-due"));
        Assert.Equal("Strong controls; the NDA and audit rights are in place.", TextOf(html, "decision-record-rationale"));
        Assert.Equal(decision.Tier.ToString(), TextOf(html, "decision-tier"));
        Assert.DoesNotContain(Actions, a => Has(html, a));
        Assert.Empty(TestIds(html, "waive-"));
        Assert.Contains("Score kept at the decision", TextOf(html, "score-basis"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ForAnotherAnalyst_NamesTheEvidenceWithoutDownloadLinks()
    {
        var id = await SubmittedAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await LoadAsync(app, id)).Assessment.Evidence);

        var other = await RenderAsync(app, id, OtherAnalyst, AnalystRole);
        var legal = await RenderAsync(app, id, Legal, LegalRole);

        Assert.Contains("ISO27001-certificate.pdf", TextOf(other, "evidence-index"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/evidence/{file.Id}", other, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{id}/evidence/{file.Id}\"", ElementOf(legal, $"evidence-download-{file.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EvidenceIndex_ShowsSizeShortFingerprintWithTheFullOneToCopyAndUploader()
    {
        var id = await SubmittedAsync(app, files: ("DS-01", "ISO27001-certificate.pdf"));
        var file = Assert.Single((await LoadAsync(app, id)).Assessment.Evidence);

        var row = ElementOf(await RenderAsync(app, id, Legal, LegalRole), $"evidence-row-{file.Id}");

        Assert.Contains($"data-sha256=\"{file.Sha256}\"", row, StringComparison.Ordinal);
        var text = Plain(row);
        Assert.Contains($"{file.Length} bytes", text, StringComparison.Ordinal);
        Assert.Contains($"{file.Sha256[..12]}… Copy", text, StringComparison.Ordinal);
        Assert.Contains(Analyst, text, StringComparison.Ordinal);
        Assert.EndsWith("not verified", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Answers_ShowsEachAnswerInWordsWithItsJustification()
    {
        var id = await SubmittedAsync(app);

        var html = await RenderAsync(app, id, Legal, LegalRole);

        Assert.Equal("No", TextOf(html, "answer-text-DD-04"));
        Assert.Equal("Level 4 (Optimised)", TextOf(html, "answer-text-LL-01"));
        Assert.Equal(DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TextOf(html, "answer-text-DD-07"));
        Assert.Equal("Described in the supplier's written reply.", TextOf(html, "answer-text-DD-08"));
        var nda = TextOf(html, "review-answer-CT-01");
        Assert.Contains("Yes", nda, StringComparison.Ordinal);
        Assert.Contains($"No evidence because: {CompleteAnswers.Justification}", nda, StringComparison.Ordinal);
        Assert.Contains("none attached", nda, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_History_ListsEveryWorkflowStepWithWhoTookIt()
    {
        var id = await InLegalReviewAsync(app);
        await AsLegalAsync(app, r => r.ReturnToDraftAsync(id, "Attach the signed NDA instead of the justification."));

        var history = TextOf(await RenderAsync(app, id, Legal, LegalRole), "workflow-history");

        Assert.Matches(
            $"Legal review → Draft {Legal} Attach the signed NDA instead of the justification\\. .* Submitted → Legal review {Legal} .* Draft → Submitted {Analyst} .* Started as draft {Analyst}$",
            history);
    }

    private static List<(string Value, string Label)> Options(string select) =>
        Regex.Matches(select, "<option value(?:=\"([^\"]*)\")?[^>]*>([^<]*)</option>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    private static string OneDecimal(double value) => Display.Round1(value).ToString("0.0", CultureInfo.InvariantCulture);
}
