using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Pdf;
using DueDiligence.Web.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Assessments.Approvals;

/// <summary>The risk summary of an assessment decided by two executives prints legal's opinion and both approvers.</summary>
public sealed class ApprovalRecordPdfTests : IAsyncLifetime
{
    private const string SecondExecutive = "olu.officer@demo.local";
    private const string SecondPassword = "Second-Executive-2026";
    private const string Justification = "The mould maker is the only source of this housing; audit rights cover the risk.";

    private readonly AppFactory _app = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dd-approval-pdf", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _app.CreateUserAsync(SecondExecutive, "Olu Officer", AppRoles.Executive, SecondPassword);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task RiskSummary_WhenTwoExecutivesApproved_ListsLegalsOpinionAndBothApproversWithTheirTimes()
    {
        var scenario = await ReportScenario.RunAsync(_app, "Twin Approval Tooling Co., Ltd.", decide: false);
        var id = scenario.AssessmentId;
        var tier = (await _app.AsAsync(ReportScenario.Executive, s => s.GetRequiredService<AssessmentQueries>().GetAsync(id)))!.Score.Tier;
        await _app.AsAsync("admin@demo.local", async s =>
        {
            var rules = s.GetRequiredService<ApprovalRules>();
            return await rules.ChangeAsync(tier, 2, true, (await rules.ListAsync()).Single(r => r.Tier == tier).Version);
        });
        foreach (var executive in new[] { ReportScenario.Executive, SecondExecutive })
        {
            await _app.AsAsync(executive, s => s.GetRequiredService<DecideAssessment>()
                .ExecuteAsync(id, DecisionOutcome.ApprovedWithConditions, "Approved on the conditions legal set.", Justification));
        }

        using var client = await _app.SignInAsync(ReportScenario.Executive, "Demo-Executive-2026");
        var response = await client.GetAsync($"/assessments/{id}/report.pdf");
        response.EnsureSuccessStatusCode();
        var text = await ReportText.ReadingOrderAsync(await PdfFile.WriteAsync(await response.Content.ReadAsByteArrayAsync(), _directory, "two-approvers.pdf"));

        Assert.Contains("Legal's opinion Legal finds no blocking issue; proceed on the recorded terms.", text, StringComparison.Ordinal);
        var approvers = text[text.IndexOf("Approvers", StringComparison.Ordinal)..];
        Assert.Contains("Eve Executive", approvers, StringComparison.Ordinal);
        Assert.Contains("Olu Officer", approvers, StringComparison.Ordinal);
        Assert.Contains(Justification, approvers, StringComparison.Ordinal);
        Assert.True(approvers.IndexOf("Eve Executive", StringComparison.Ordinal) < approvers.IndexOf("Olu Officer", StringComparison.Ordinal));
    }
}
