using System.Net;
using System.Text;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Reassessments.QuestionnaireApp;

namespace DueDiligence.Web.Tests.Reassessments;

/// <summary>
/// R and C of a supplier across its assessments, and the portfolio's suppliers per tier at each month end over 24 months
/// with its CSV export, on a clock moved forward between decisions. The demo data's own decisions lie before the moves, so
/// every month after the first look holds the demo portfolio as it was then, plus what these tests decided.
/// </summary>
public sealed class TrendTests(QuestionnaireApp app) : IClassFixture<QuestionnaireApp>
{
    [Fact]
    public async Task PointsAsync_ForEveryReadingRole_GivesEachAssessmentsDecisionElseSubmissionScoreOldestFirst()
    {
        var supplierId = await app.NewSupplierAsync();
        var first = await app.DecidedAsync(supplierId, maturity: 4);
        app.Clock.Advance(TimeSpan.FromDays(40));
        var second = await AssessedAgainAsync(supplierId, maturity: 0, decide: true);
        app.Clock.Advance(TimeSpan.FromDays(40));
        var third = await AssessedAgainAsync(supplierId, maturity: 2, decide: false);

        foreach (var role in new[] { AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin })
        {
            var points = await app.AsUserAsync("reader@test", [role], s => s.GetRequiredService<SupplierTrend>().PointsAsync(supplierId));

            Assert.Equal([first, second, third], points.Select(p => p.AssessmentId));
            Assert.Equal([ScoreSnapshotKind.Decision, ScoreSnapshotKind.Decision, ScoreSnapshotKind.Submission], points.Select(p => p.Kind));
            foreach (var point in points)
            {
                var snapshot = await SnapshotAsync(point.AssessmentId, point.Kind);
                Assert.Equal((snapshot.ResidualRisk, snapshot.ControlScore, snapshot.Tier, snapshot.TakenAtUtc), (point.ResidualRisk, point.ControlScore, point.Tier, point.TakenAtUtc));
            }
        }

        var c = (await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<SupplierTrend>().PointsAsync(supplierId))).Select(p => p.ControlScore).ToList();
        Assert.True(c[0] > c[1] && c[2] > c[1], $"C went {string.Join(" → ", c)}: the weaker second assessment should show as a dip.");
    }

    [Fact]
    public async Task MonthsAsync_CountsEachSupplierInTheTierOfItsLatestDecisionAtEachMonthEnd_AndTheExportSaysTheSame()
    {
        var baseline = await MonthsAsync();
        var lookedAt = app.Today;
        var first = await app.NewSupplierAsync();
        var second = await app.NewSupplierAsync();
        var decisions = new List<(Guid Supplier, DateOnly On, RiskTier Tier)>();

        app.Clock.Advance(TimeSpan.FromDays(1));
        decisions.Add((first, app.Today, await TierAsync(await app.DecidedAsync(first, maturity: 4))));
        app.Clock.Advance(TimeSpan.FromDays(60));
        decisions.Add((second, app.Today, await TierAsync(await app.DecidedAsync(second, maturity: 0))));
        app.Clock.Advance(TimeSpan.FromDays(61));
        decisions.Add((first, app.Today, await TierAsync(await AssessedAgainAsync(first, maturity: 0, decide: true))));
        app.Clock.Advance(TimeSpan.FromDays(61));
        Assert.NotEqual(decisions[0].Tier, decisions[2].Tier);

        var months = await MonthsAsync();

        Assert.Equal(PortfolioTrend.Months, months.Count);
        Assert.Equal(app.Today, months[^1].AsOf);
        Assert.Equal(app.Today.AddMonths(-23).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), months[0].Month);
        foreach (var month in months)
        {
            if (month.AsOf < lookedAt)
            {
                Assert.Equal(baseline.Single(b => b.Month == month.Month), month);
                continue;
            }

            var ours = decisions.Where(d => d.On <= month.AsOf).GroupBy(d => d.Supplier).Select(g => g.Last().Tier).ToList();
            foreach (var tier in Enum.GetValues<RiskTier>())
            {
                Assert.True(baseline[^1].Of(tier) + ours.Count(t => t == tier) == month.Of(tier), $"{month.Month} {tier}: {month.Of(tier)}");
            }
        }

        using var executive = await app.SignInAsync(AppRoles.Executive);
        var response = await executive.GetAsync("/dashboard/portfolio-trend.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"portfolio-trend-{app.Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Month,As of,Low,Medium,High,Critical,Total", lines[0]);
        Assert.Equal(months.Select(m => $"{m.Month},{m.AsOf:yyyy-MM-dd},{m.Low},{m.Medium},{m.High},{m.Critical},{m.Total}"), lines[1..]);
        Assert.DoesNotContain(lines.SelectMany(l => l.Split(',')), cell => cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal));

        using var analyst = await app.SignInAsync(AppRoles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/dashboard/portfolio-trend.csv")).StatusCode);
    }

    private Task<IReadOnlyList<TierMonth>> MonthsAsync() =>
        app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<PortfolioTrend>().MonthsAsync());

    /// <summary>A new assessment of the supplier on version 1, every question answered; decided or only submitted.</summary>
    private async Task<Guid> AssessedAgainAsync(Guid supplierId, int maturity, bool decide)
    {
        var id = await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, app.VersionOneId));
        await app.AnswerAsync(id, new AnswerInput { QuestionCode = "GV-01", YesNo = true, EvidenceJustification = "The NDA on file still applies." });
        await app.AnswerAsync(id, new AnswerInput { QuestionCode = "GV-02", Maturity = maturity });
        await app.AnswerAsync(id, new AnswerInput { QuestionCode = "SC-01", OptionCodes = [maturity == 0 ? "B" : "A"] });
        if (decide)
        {
            return await app.DecideAsync(id);
        }

        await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SubmitAssessment>().ExecuteAsync(id));
        return id;
    }

    private async Task<RiskTier> TierAsync(Guid assessmentId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.Decision!.Tier).SingleAsync();
    }

    private async Task<ScoreSnapshot> SnapshotAsync(Guid assessmentId, ScoreSnapshotKind kind)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Assessments.Where(a => a.Id == assessmentId).SelectMany(a => a.ScoreSnapshots).Where(s => s.Kind == kind)
            .OrderByDescending(s => s.TakenAtUtc).FirstAsync();
    }
}
