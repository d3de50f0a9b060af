using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Infrastructure.Persistence.Seed;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>
/// The partner-selection PDF of three projects of different lengths, printed once: the demo project (two ranked, one
/// excluded, one not assessed), a decided project with two candidates, and one with five assessed candidates (four ranked,
/// one excluded), whose comparison continues in a second table; then the demo project again once its partner is chosen.
/// </summary>
public sealed class PartnerSelectionLayoutFixture : IAsyncLifetime
{
    private const string DecidedMemo =
        "Eastern Seaboard chosen: lowest residual risk of the ranked candidates. Conditions: the moulds stay our property and are " +
        "marked as such; CAD files are shared through our portal only; an on-site audit of the plant before the first production " +
        "order. Brightpath stays the second source if the audit fails.";

    public AppFactory App { get; } = new();

    public IReadOnlyDictionary<string, PdfFile> Pdfs { get; private set; } = new Dictionary<string, PdfFile>();

    private string Directory { get; } = Path.Combine(Path.GetTempPath(), "dd-sourcing-layout-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var scenario = new SourcingScenario(App);
        var start = DateTime.UtcNow.AddDays(-30);

        var projects = await App.AsUserAsync("lee@test", SourcingScenario.Legal, s => s.GetRequiredService<SourcingQueries>().ListAsync());
        var demo = projects.Single(p => p.Name == DemoSourcing.ProjectName).Id;

        var pair = new List<Guid>();
        foreach (var (stem, strength) in new[] { ("Aspen Moulds", 0.85), ("Beech Polymers", 0.6) })
        {
            var supplier = await scenario.SupplierAsync(SourcingScenario.Name(stem));
            await scenario.AssessmentAsync(supplier, strength, AssessmentStatus.Decided, start);
            pair.Add(supplier);
        }

        var two = await scenario.ProjectAsync("Two candidates", [.. pair]);
        var choice = await scenario.ChoiceAsync(two, pair[0], "Aspen Moulds chosen: lowest residual risk; the moulds stay our property and are marked as such.");
        await App.AsUserAsync("eve@test", SourcingScenario.Executive, s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(choice));

        var five = new List<Guid>();
        foreach (var (stem, strength, knockOuts) in new (string, double, string[])[]
                 {
                     ("Cedar Tools", 0.9, []), ("Dogwood Cast", 0.75, []), ("Elm Plastics", 0.6, []), ("Fir Metals", 0.45, []),
                     ("Gum Moulding", 1.0, [CandidateAnswers.NdaQuestion]),
                 })
        {
            var supplier = await scenario.SupplierAsync(SourcingScenario.Name(stem), five.Count % 2 == 0 ? "VN" : "CN");
            await scenario.AssessmentAsync(supplier, strength, AssessmentStatus.Decided, start, knockOuts);
            five.Add(supplier);
        }

        var fiveProject = await scenario.ProjectAsync("Five candidates", [.. five]);

        var pdfs = new Dictionary<string, PdfFile>();
        foreach (var (name, id) in new[] { ("demo", demo), ("two", two), ("five", fiveProject) })
        {
            pdfs[name] = await PrintAsync(name, id);
        }

        // The demo project once the executive has chosen, with a memo of a realistic length above the comparison.
        var demoView = (await scenario.ViewAsync(demo))!;
        var decided = await scenario.ChoiceAsync(demo, demoView.Comparison.Best!.SupplierId, DecidedMemo);
        await App.AsUserAsync("eve@test", SourcingScenario.Executive, s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(decided));
        pdfs["demo-decided"] = await PrintAsync("demo-decided", demo);

        Pdfs = pdfs;
    }

    private async Task<PdfFile> PrintAsync(string name, Guid project)
    {
        var file = await App.AsUserAsync("eve@test", SourcingScenario.Executive, s => s.GetRequiredService<DownloadPartnerSelection>().ExecuteAsync(project));
        return await PdfFile.WriteAsync(file!.Content, Directory, $"{name}.pdf");
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
