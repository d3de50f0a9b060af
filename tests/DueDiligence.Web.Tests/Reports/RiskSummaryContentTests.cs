using System.Globalization;
using System.Text.RegularExpressions;

using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.RiskSummary;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Pdf;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>What the executive risk summary says, read back from the PDF with poppler-utils (and from the HTML where no browser is needed).</summary>
[Collection(ReportCollection.Name)]
public sealed class RiskSummaryContentTests(ReportFixture fixture)
{
    [Fact]
    public async Task RiskSummary_OfADecidedAssessment_ShowsTierResidualRiskAndRecommendationAsTheScoringEngineGivesThem()
    {
        var expected = await ScoreAtDecisionAsync(fixture.Decided.AssessmentId);
        var text = ReportText.Flatten(await (await fixture.DecidedPdf).TextAsync());

        Assert.Contains(fixture.Decided.SupplierName, text, StringComparison.Ordinal);
        Assert.Contains($"Recommendation: {expected.Recommendation.ToDisplayText()}", text, StringComparison.Ordinal);
        Assert.Contains($"Tier {expected.Tier} · residual risk R = {OneDecimal(expected.ResidualRisk)}", text, StringComparison.Ordinal);
        Assert.Contains(
            $"Residual risk R Inherent risk I Control score C Jurisdiction risk J {OneDecimal(expected.ResidualRisk)} {OneDecimal(expected.InherentRisk)} " +
            $"{OneDecimal(expected.ControlScore)} {OneDecimal(expected.JurisdictionRisk)}",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskSummary_OfADecidedAssessment_SaysItShowsTheDecisionSnapshotAndItsAsOfDate()
    {
        var expected = await ScoreAtDecisionAsync(fixture.Decided.AssessmentId);
        var text = ReportText.Flatten(await (await fixture.DecidedPdf).PageTextAsync(1));

        Assert.Contains("Decided score: the snapshot taken at the decision on", text, StringComparison.Ordinal);
        Assert.Contains($"as of {expected.AsOf:yyyy-MM-dd}", text, StringComparison.Ordinal);
        Assert.Contains("Decision: Approved with conditions by Eve Executive", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskSummary_Always_NamesTheScoringPolicyInTheMethodAppendix()
    {
        var text = ReportText.Flatten(await (await fixture.DecidedPdf).TextAsync());

        Assert.Contains("Appendix C — How the score is computed", text, StringComparison.Ordinal);
        Assert.Contains($"Scoring policy {ScoringPolicy.Default.Id}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskSummary_NamesThePolicyOfItsFigures_KeptAtTheDecisionOrLive()
    {
        var decided = ReportText.Flatten(await (await fixture.DecidedPdf).TextAsync());
        var live = ReportText.Flatten(await (await fixture.AwaitingDecisionPdf).TextAsync());

        Assert.Contains($"Figures from scoring policy {ScoringPolicy.Default.Id} (kept at the decision)", decided, StringComparison.Ordinal);
        Assert.Contains($"scoring policy {ScoringPolicy.Default.Id} Rationale", decided, StringComparison.Ordinal);
        Assert.Contains($"Figures from scoring policy {ScoringPolicy.Default.Id} (live)", live, StringComparison.Ordinal);
        Assert.Contains("tiers and levels are decided on values rounded to 6 decimals", live, StringComparison.Ordinal);
        Assert.Contains("worst over the HQ, site and IP-handling subcontractor countries", live, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskSummary_OfAnAssessmentNotYetDecided_MarksEveryPageAsADraft()
    {
        var pdf = await fixture.AwaitingDecisionPdf;
        var pages = await pdf.PageCountAsync();

        Assert.True(pages > 1);
        for (var page = 1; page <= pages; page++)
        {
            var text = ReportText.Flatten(await pdf.PageTextAsync(page));
            Assert.Contains($"{DownloadRiskSummary.DraftMarking} · {DownloadRiskSummary.ConfidentialityMarking}", text, StringComparison.Ordinal);
            Assert.Contains($"Page {page} of {pages}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RiskSummary_OfAnAssessmentNotYetDecided_PrintsTheDraftWatermarkAcrossEveryPage()
    {
        var pdf = await fixture.AwaitingDecisionPdf;
        var pages = await pdf.PageCountAsync();

        for (var page = 1; page <= pages; page++)
        {
            Assert.InRange(await pdf.WatermarkPixelsAsync(page), 200, int.MaxValue);
        }
    }

    [Fact]
    public async Task RiskSummary_OfADecidedAssessment_CarriesNoDraftMarking()
    {
        var pdf = await fixture.DecidedPdf;
        var pages = await pdf.PageCountAsync();

        for (var page = 1; page <= pages; page++)
        {
            var text = ReportText.Flatten(await pdf.PageTextAsync(page));
            Assert.DoesNotContain("DRAFT", text, StringComparison.Ordinal);
            Assert.DoesNotContain("not decided", text, StringComparison.Ordinal);
        }

        for (var page = 1; page <= pages; page++)
        {
            Assert.InRange(await pdf.WatermarkPixelsAsync(page), 0, 30);
        }
    }

    [Fact]
    public async Task RiskSummary_WhenAnOpenConditionIsPastItsDueDate_SaysItIsOverdue()
    {
        var summary = await fixture.App.AsAsync(ReportScenario.Legal, s => s.GetRequiredService<DownloadRiskSummary>().SummaryAsync(fixture.Decided.AssessmentId));
        Assert.NotNull(summary);
        var condition = Assert.Single(summary.Conditions);

        var html = ReportText.Flatten(await fixture.App.Services.GetRequiredService<PdfRenderer>().RenderComponentHtmlAsync<RiskSummaryFindings>(
            new Dictionary<string, object?>
            {
                [nameof(RiskSummaryFindings.Findings)] = summary.Findings,
                [nameof(RiskSummaryFindings.Conditions)] = summary.Conditions,
                [nameof(RiskSummaryFindings.Today)] = condition.DueOn.AddDays(1),
            },
            CancellationToken.None));

        Assert.Contains(
            $"<td class=\"code\">{condition.DueOn:yyyy-MM-dd}</td> <td data-testid=\"condition-status\">Open, overdue — {condition.CreatedByName}, <span class=\"nowrap\">{condition.CreatedAtUtc:yyyy-MM-dd}</span></td>",
            System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskSummary_TextAnswerRatings_ShowTheirLabelsAndTheScale()
    {
        var text = await ReportText.ReadingOrderAsync(await fixture.DecidedPdf);

        // The scenario rates strong text answers 0.75 and weak ones 0.5.
        Assert.Contains("(rated 0.75: substantial)", text, StringComparison.Ordinal);
        Assert.Contains("(rated 0.5: partial)", text, StringComparison.Ordinal);
        Assert.Contains("A text answer counts only when the analyst rates it: 0 none · 0.25 limited · 0.5 partial · 0.75 substantial · 1 full.", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\(rated [0-9.]+\)", text);
    }

    [Fact]
    public async Task RiskSummary_Always_SaysHowTheScoreIsComputedWithoutDocumentReferences()
    {
        foreach (var pdf in new[] { await fixture.DecidedPdf, await fixture.AwaitingDecisionPdf })
        {
            var text = await ReportText.ReadingOrderAsync(pdf);

            Assert.DoesNotContain("SCORING.md", text, StringComparison.OrdinalIgnoreCase);
            // The only section sign is in the USTR data set's licence (17 U.S.C. §105), which the attribution must quote.
            Assert.DoesNotContain("§", text.Replace("17 U.S.C. §105", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text);
            Assert.DoesNotMatch(@"\b(LegalReview|AwaitingDecision|ApprovedWithConditions|DoNotProceed|LegalRating|ContractManufacturer)\b", text);
            Assert.Contains("Appendix C — How the score is computed", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RiskSummary_OfTheDefaultQuestionnaire_PrintsAFewA4Pages()
    {
        var pdf = await fixture.DecidedPdf;

        Assert.InRange(await pdf.PageCountAsync(), 3, 15);
        Assert.Matches(@"Page size:\s+595\.\d+ x 84[12]\.\d+ pts \(A4\)", await pdf.InfoAsync());
    }

    [Fact]
    public async Task RiskSummary_OnEveryPage_CarriesTheConfidentialityMarkingAndPageXOfY()
    {
        var pdf = await fixture.DecidedPdf;
        var pages = await pdf.PageCountAsync();

        for (var page = 1; page <= pages; page++)
        {
            var text = ReportText.Flatten(await pdf.PageTextAsync(page));
            Assert.Contains(DownloadRiskSummary.ConfidentialityMarking, text, StringComparison.Ordinal);
            Assert.Contains($"Page {page} of {pages}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RiskSummary_EvidenceIndex_ListsEveryFileWithItsSha256()
    {
        var text = ReportText.Flatten(await (await fixture.DecidedPdf).TextAsync());
        var index = text[text.IndexOf("Appendix B — Evidence index", StringComparison.Ordinal)..];

        foreach (var (name, sha256) in fixture.Decided.EvidenceSha256)
        {
            Assert.Contains(name, index, StringComparison.Ordinal);
            Assert.Contains($"SHA-256 {sha256}", index, StringComparison.Ordinal);
        }

        Assert.Contains("Yes, Lee Legal", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskSummary_AnswersAppendix_ListsEveryQuestionOfTheQuestionnaire()
    {
        var text = ReportText.Flatten(await (await fixture.DecidedPdf).TextAsync());
        var appendix = text[text.IndexOf("Appendix A — Answers", StringComparison.Ordinal)..text.IndexOf("Appendix B", StringComparison.Ordinal)];
        await using var db = await fixture.App.CreateDbContextAsync();
        var assessment = await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == fixture.Decided.AssessmentId);

        var codes = assessment.Template.Sections.SelectMany(s => s.Questions).Select(q => q.Code).ToList();

        Assert.Equal(57, codes.Count);
        Assert.All(codes, code => Assert.Matches($@"\b{Regex.Escape(code)}\b", appendix));
    }

    [Fact]
    public async Task RiskSummary_OfADecidedAssessment_ListsFindingsConditionsAndTheDecisionRecord()
    {
        var text = await ReportText.ReadingOrderAsync(await fixture.DecidedPdf);

        Assert.Contains(ReportScenario.FindingText, text, StringComparison.Ordinal);
        Assert.Contains(ReportScenario.ConditionText, text, StringComparison.Ordinal);
        Assert.Contains(ReportScenario.DecisionRationale, text, StringComparison.Ordinal);
        Assert.Contains("Decided by Eve Executive", text, StringComparison.Ordinal);
        Assert.Contains("Legal review → Awaiting decision", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskSummary_Always_EmbedsEveryFont()
    {
        var fonts = await (await fixture.DecidedPdf).FontsAsync();

        var rows = Regex.Matches(fonts, @"^(\S+).*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", RegexOptions.Multiline);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("yes", row.Groups[2].Value));
    }

    [Fact]
    public async Task RiskSummary_OfAnAssessmentAwaitingDecision_SaysTheScoreIsLiveAndShowsThePagesFigures()
    {
        var id = fixture.AwaitingDecision.AssessmentId;
        var (page, summary) = await fixture.App.AsAsync(ReportScenario.Legal, async s =>
            (await s.GetRequiredService<AssessmentQueries>().GetAsync(id), await s.GetRequiredService<DownloadRiskSummary>().SummaryAsync(id)));
        Assert.NotNull(page);
        Assert.NotNull(summary);

        var html = ReportText.Flatten(await fixture.App.Services.GetRequiredService<PdfRenderer>()
            .RenderComponentHtmlAsync<RiskSummaryDocument>(DownloadRiskSummary.Parameters(summary), CancellationToken.None));

        Assert.True(page.ScoreIsLive);
        Assert.Contains($"Live score as of {page.Score.AsOf:yyyy-MM-dd}", html, StringComparison.Ordinal);
        Assert.Contains("Decision: <strong>not yet taken</strong>; the assessment is awaiting a decision.", html, StringComparison.Ordinal);
        Assert.Contains($"residual risk R = <strong>{OneDecimal(page.Score.ResidualRisk)}</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"Recommendation: {page.Score.Recommendation.ToDisplayText()}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryAsync_AsAnotherAnalyst_IsRefusedWithTheReason()
    {
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => fixture.App.AsAsync(ReportFixture.OtherAnalyst,
            s => s.GetRequiredService<DownloadRiskSummary>().SummaryAsync(fixture.Decided.AssessmentId)));

        Assert.Equal("Only executives, legal reviewers, the analyst who started this assessment and the supplier's owner and collaborators may download its risk summary.", error.Message);
    }

    /// <summary>The score computed afresh by the engine from the stored assessment as of the decision day: what the decision was taken on.</summary>
    private async Task<ScoreResult> ScoreAtDecisionAsync(Guid id)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await using var db = await fixture.App.CreateDbContextAsync();
        var assessment = await AssessmentStore.WithChildren(db).AsNoTracking().SingleAsync(a => a.Id == id);
        var supplier = await AssessmentStore.SupplierOfAsync(db, assessment, CancellationToken.None);
        var countries = await scope.ServiceProvider.GetRequiredService<JurisdictionRiskLookup>().ForAsync(supplier.ExposureCountries());
        var asOf = assessment.ScoreSnapshots.Single(s => s.Kind == ScoreSnapshotKind.Decision).AsOf;
        return ScoringEngine.Score(assessment.ToScoringInput(supplier.MaxSensitivity, countries.Select(c => c.Risk).ToList(), asOf));
    }

    private static string OneDecimal(double value) => Display.Round1(value).ToString("0.0", CultureInfo.InvariantCulture);
}
