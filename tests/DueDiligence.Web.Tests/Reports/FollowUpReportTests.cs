using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Pdf;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>The risk summary of a decided assessment tells where each condition and finding stands now, who moved it there and when.</summary>
public sealed class FollowUpReportTests(AppFactory app) : IClassFixture<AppFactory>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dd-follow-up-report", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RiskSummary_AfterTheFollowUp_PrintsEachCurrentStatusWithWhoAndWhen()
    {
        var scenario = await FollowUpScenario.DecidedAsync(app);
        await app.AsUserAsync(Legal, LegalRole, async s =>
        {
            var followUp = s.GetRequiredService<FollowUpAssessment>();
            await followUp.TakeStepAsync(scenario.AssessmentId, scenario.Condition, FollowUpStep.Complete, null,
                new FulfilmentFile("nda-addendum-signed.pdf", new MemoryStream(Evidence.SampleFiles.Pdf())));
            await followUp.TakeStepAsync(scenario.AssessmentId, scenario.Finding, FollowUpStep.Waive, "Covered by the group audit clause.", null);
        });
        var executive = DemoAccounts.ForRole(AppRoles.Executive);
        using var client = await app.SignInAsync(executive.Email, executive.Password);

        var response = await client.GetAsync($"/assessments/{scenario.AssessmentId}/report.pdf");

        response.EnsureSuccessStatusCode();
        var text = await ReportText.ReadingOrderAsync(await PdfFile.WriteAsync(await response.Content.ReadAsByteArrayAsync(), _directory, "summary.pdf"));
        var today = FollowUpScenario.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Met — {Legal}, {today}; 1 file of evidence", text, StringComparison.Ordinal);
        Assert.Contains($"Waived (Covered by the group audit clause.) — {Legal}, {today}", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
