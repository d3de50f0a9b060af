using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence.Seed;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Sourcing;

public sealed class PartnerComparisonTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = DateTime.UtcNow.AddDays(-30);

    private readonly SourcingScenario _scenario = new(app);

    [Fact]
    public async Task GetAsync_WithStoredAssessments_RanksCandidatesAsPartnerRankingDoesOnTheKeptScores()
    {
        var (project, kept) = await MixedProjectAsync();

        var view = await _scenario.ViewAsync(project);

        var expected = PartnerRanking.Rank(kept.Select(k => new CandidateFigures(
            k.Supplier, k.Name, k.Score?.ResidualRisk, k.Score?.ControlScore,
            k.Score?.KnockOuts.Where(x => !x.Waived).Select(x => x.QuestionCode).ToList() ?? [])));
        Assert.Equal(expected.Select(e => (e.SupplierId, e.Standing, e.Rank)), view!.Comparison.Candidates.Select(c => (c.SupplierId, c.Standing, c.Ranking.Rank)));
        Assert.Equal(expected.Select(e => e.ResidualRisk), view.Comparison.Candidates.Select(c => c.Ranking.ResidualRisk));
    }

    [Fact]
    public async Task GetAsync_WithAKnockedOutCandidate_ListsItLastAsExcludedNamingTheKnockOut()
    {
        var (project, kept) = await MixedProjectAsync();

        var view = await _scenario.ViewAsync(project);

        var last = view!.Comparison.Candidates[^1];
        Assert.Equal(kept.Single(k => k.Name.StartsWith("Knocked", StringComparison.Ordinal)).Supplier, last.SupplierId);
        Assert.Equal(CandidateStanding.Excluded, last.Standing);
        Assert.Null(last.Ranking.Rank);
        Assert.Equal(RiskTier.Critical, last.Tier);
        var knockOut = Assert.Single(last.Ranking.KnockOuts);
        Assert.StartsWith("CT-01 “", knockOut, StringComparison.Ordinal);
        Assert.EndsWith("” answered No", knockOut, StringComparison.Ordinal);
        Assert.Contains("Knocked", view.Recommendation.Reasons.Single(r => r.StartsWith("Excluded", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectPage_WhenExecutiveOpensIt_ShowsRankOrderFiguresAndKnockOutsAsTheComparison()
    {
        var (project, _) = await MixedProjectAsync();
        var view = await _scenario.ViewAsync(project);
        await using var context = ComponentContext.Create(app, "eve@test", AppRoles.Executive);

        var page = context.Render<SourcingProjectPage>(p => p.Add(x => x.Id, project));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=candidate-column]")), TimeSpan.FromSeconds(10));
        var columns = page.FindAll("[data-testid=candidate-column]");
        Assert.Equal(
            view!.Comparison.Candidates.Select(c => (c.SupplierId.ToString(), c.Standing.ToString())),
            columns.Select(c => (c.GetAttribute("data-supplier-id")!, c.GetAttribute("data-standing")!)));
        Assert.Equal(view.Comparison.Candidates.Select(c => $"{SourcingLabels.Place(c)} {c.SupplierName} {c.HqCountry.Name}"), columns.Select(c => Text(string.Join(' ', c.Children.Select(part => part.TextContent)))));
        Assert.Equal(
            view.Comparison.Candidates.Select(c => c.Score is { } score ? Display.Round1(score.ResidualRisk).ToString("0.0", CultureInfo.InvariantCulture) : "—"),
            Cells(page, "row-residual-risk"));
        Assert.Equal(view.Comparison.Candidates.Select(c => c.Tier?.ToString() ?? "—"), Cells(page, "row-tier"));
        Assert.Equal("CT-01 answered No", Cells(page, "row-knock-outs")[^1]);
        Assert.Equal($"/sourcing/{project}/report.pdf", page.Find("[data-testid=download-partner-selection]").GetAttribute("href"));
        Assert.Equal("6 candidates", page.Find("[data-testid=candidate-count]").TextContent);
        // A phone shows the same candidates as cards, in the same order.
        Assert.Equal(
            view.Comparison.Candidates.Select(c => c.SupplierName),
            page.FindAll("[data-testid=candidate-card] [data-testid=supplier-name]").Select(n => n.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=candidate-picker]"));
        Assert.NotEmpty(page.FindAll("[data-testid=choice-form]"));
    }

    [Fact]
    public async Task GetAsync_WhenADecisionAndANewerSubmissionExist_ComparesOnTheDecision()
    {
        var supplier = await _scenario.SupplierAsync(SourcingScenario.Name("Decided"));
        var decided = await _scenario.AssessmentAsync(supplier, 0.9, AssessmentStatus.Decided, Start);
        await _scenario.AssessmentAsync(supplier, 0.3, AssessmentStatus.Submitted, Start.AddDays(10));
        var project = await _scenario.ProjectAsync("Decision beats submission", supplier);

        var candidate = Assert.Single((await _scenario.ViewAsync(project))!.Comparison.Candidates);

        Assert.Equal(decided.Id, candidate.Source!.Assessment.Id);
        Assert.Equal(AssessmentBasis.Decision, candidate.Source.Basis);
        Assert.Equal(decided.Kept.ResidualRisk, candidate.Score!.ResidualRisk);
        Assert.StartsWith($"Decision {Start.AddMinutes(4):yyyy-MM-dd} (Approved)", SourcingLabels.Source(candidate.Source), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WhenOnlySubmissions_ComparesOnTheLatestOneStillInTheWorkflow()
    {
        var supplier = await _scenario.SupplierAsync(SourcingScenario.Name("Submitted"));
        await _scenario.AssessmentAsync(supplier, 0.9, AssessmentStatus.LegalReview, Start);
        var latest = await _scenario.AssessmentAsync(supplier, 0.4, AssessmentStatus.Submitted, Start.AddDays(5));
        var returned = await _scenario.AssessmentAsync(supplier, 0.2, AssessmentStatus.Submitted, Start.AddDays(8));
        await _scenario.ReturnToDraftAsync(returned.Id, Start.AddDays(9));
        var project = await _scenario.ProjectAsync("Latest submission", supplier);

        var candidate = Assert.Single((await _scenario.ViewAsync(project))!.Comparison.Candidates);

        Assert.Equal(latest.Id, candidate.Source!.Assessment.Id);
        Assert.Equal(AssessmentBasis.Submission, candidate.Source.Basis);
        Assert.Equal(latest.Kept.ControlScore, candidate.Score!.ControlScore);
        Assert.Equal($"Submission {Start.AddDays(5).AddMinutes(1):yyyy-MM-dd} (now submitted)", SourcingLabels.Source(candidate.Source));
    }

    [Fact]
    public async Task GetAsync_WhenOnlyADraft_ShowsTheCandidateAsNotAssessedWithItsDraft()
    {
        var supplier = await _scenario.SupplierAsync(SourcingScenario.Name("Drafting"));
        var draft = await _scenario.AssessmentAsync(supplier, 0.9, AssessmentStatus.Draft, Start);
        var project = await _scenario.ProjectAsync("Draft only", supplier);

        var view = await _scenario.ViewAsync(project);

        var candidate = Assert.Single(view!.Comparison.Candidates);
        Assert.Equal(CandidateStanding.NotAssessed, candidate.Standing);
        Assert.Null(candidate.Score);
        Assert.Equal(draft.Id, candidate.Draft!.Id);
        Assert.Equal($"Draft started {Start:yyyy-MM-dd}, not submitted", SourcingLabels.NoSource(candidate));
        Assert.Equal("No candidate can be recommended yet", view.Recommendation.Headline);
    }

    [Fact]
    public async Task DemoProject_WhenDemoDataIsOn_RanksTheDecidedCandidatesAndExcludesKinetic()
    {
        var projects = await app.AsUserAsync("lee@test", SourcingScenario.Legal, s => s.GetRequiredService<SourcingQueries>().ListAsync());
        var demo = projects.Single(p => p.Name == DemoSourcing.ProjectName);

        var view = await _scenario.ViewAsync(demo.Id, SourcingScenario.Legal);

        Assert.Equal(4, view!.Comparison.Candidates.Count);
        Assert.Equal(2, view.Comparison.Ranked.Count);
        Assert.All(view.Comparison.Ranked, c => Assert.Equal(AssessmentBasis.Decision, c.Source!.Basis));
        var excluded = Assert.Single(view.Comparison.Excluded);
        Assert.Equal("Kinetic Design Studio Pvt. Ltd.", excluded.SupplierName);
        Assert.Contains(excluded.KnockOuts, k => k.QuestionCode == "CT-01" && !k.Waived);
        Assert.Equal("Sierra Alloy Castings S.A. de C.V.", Assert.Single(view.Comparison.NotAssessed).SupplierName);
        Assert.False(view.Can.ManageCandidates);
        Assert.False(view.Can.ChoosePartner);
    }

    /// <summary>Six candidates: decided, submitted, in legal review, knocked out, draft only and never assessed.</summary>
    private async Task<(Guid Project, List<(Guid Supplier, string Name, ScoreResult? Score)> Kept)> MixedProjectAsync()
    {
        var kept = new List<(Guid, string, ScoreResult?)>();
        async Task Add(string stem, double strength, AssessmentStatus? stage, params string[] knockOuts)
        {
            var name = SourcingScenario.Name(stem);
            var supplier = await _scenario.SupplierAsync(name);
            ScoreResult? score = null;
            if (stage is { } s)
            {
                score = (await _scenario.AssessmentAsync(supplier, strength, s, Start, knockOuts)).Kept;
            }

            kept.Add((supplier, name, score));
        }

        await Add("Middling", 0.55, AssessmentStatus.Submitted);
        await Add("Strong", 0.95, AssessmentStatus.Decided);
        await Add("Weak", 0.3, AssessmentStatus.LegalReview);
        await Add("Knocked", 1.0, AssessmentStatus.AwaitingDecision, CandidateAnswers.NdaQuestion);
        await Add("Drafting", 0.9, AssessmentStatus.Draft);
        await Add("Unassessed", 0, null);
        var project = await _scenario.ProjectAsync("Mixed housing candidates", kept.Select(k => k.Item1).ToArray());
        return (project, kept);
    }

    /// <summary>The text of each candidate's cell in the comparison row marked with this test id, left to right.</summary>
    private static List<string> Cells(IRenderedComponent<SourcingProjectPage> page, string testId) =>
        page.Find($"tr[data-testid={testId}]").QuerySelectorAll("td").Select(td => Text(td.TextContent)).ToList();

    private static string Text(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
