using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Pdf;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>
/// One app for the report tests with a decided assessment and one awaiting decision (both made through the use cases),
/// a second analyst who owns neither, and the decided assessment's risk summary as the executive downloads it.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public const string OtherAnalyst = "buyer2@demo.local";
    public const string OtherAnalystPassword = "Second-Analyst-2026";

    private readonly Lazy<Task<PdfFile>> _decidedPdf;
    private readonly Lazy<Task<PdfFile>> _awaitingDecisionPdf;

    public ReportFixture()
    {
        _decidedPdf = new Lazy<Task<PdfFile>>(() => DownloadAsync(Decided, "decided.pdf"));
        _awaitingDecisionPdf = new Lazy<Task<PdfFile>>(() => DownloadAsync(AwaitingDecision, "awaiting-decision.pdf"));
    }

    public AppFactory App { get; } = new();

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "dd-report-tests", Guid.NewGuid().ToString("N"));

    internal ReportScenario Decided { get; private set; } = default!;

    internal ReportScenario AwaitingDecision { get; private set; } = default!;

    /// <summary>The decided assessment's summary, downloaded over HTTP by the executive and saved for poppler-utils.</summary>
    public Task<PdfFile> DecidedPdf => _decidedPdf.Value;

    /// <summary>The summary of the assessment that awaits the decision (a draft), downloaded the same way.</summary>
    public Task<PdfFile> AwaitingDecisionPdf => _awaitingDecisionPdf.Value;

    public async Task InitializeAsync()
    {
        Decided = await ReportScenario.RunAsync(App, "Harbour Lights Precision Tooling Co., Ltd.", decide: true);
        AwaitingDecision = await ReportScenario.RunAsync(App, "Mekong Circuit Assembly JSC", decide: false);
        await App.CreateUserAsync(OtherAnalyst, "Bo Buyer", AppRoles.Analyst, OtherAnalystPassword);
    }

    private async Task<PdfFile> DownloadAsync(ReportScenario scenario, string name)
    {
        using var client = await App.SignInAsync(ReportScenario.Executive, "Demo-Executive-2026");
        var response = await client.GetAsync($"/assessments/{scenario.AssessmentId}/report.pdf");
        response.EnsureSuccessStatusCode();
        return await PdfFile.WriteAsync(await response.Content.ReadAsByteArrayAsync(), Directory, name);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

/// <summary>The report test classes share one <see cref="ReportFixture"/>: its assessments take a while to walk through.</summary>
[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>
{
    public const string Name = "reports";
}
