using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>
/// One app with a decided sourcing project — two ranked candidates, one excluded by a knock-out, one not assessed — and its
/// partner-selection PDF downloaded once by the demo executive.
/// </summary>
public sealed class PartnerSelectionFixture : IAsyncLifetime
{
    public const string Memo = "Alder Moulding chosen: lowest residual risk, moulds stay our property.";

    public AppFactory App { get; } = new();

    public Guid ProjectId { get; private set; }

    public SourcingProjectView View { get; private set; } = default!;

    /// <summary>Supplier names with the score each was compared on (null when not assessed).</summary>
    public IReadOnlyList<(string Name, ScoreResult? Score)> Candidates { get; private set; } = [];

    public PdfFile Pdf { get; private set; } = default!;

    private string Directory { get; } = Path.Combine(Path.GetTempPath(), "dd-sourcing-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var scenario = new SourcingScenario(App);
        var start = DateTime.UtcNow.AddDays(-40);
        var candidates = new List<(Guid Id, string Name, ScoreResult? Score)>();
        foreach (var (stem, strength, stage, knockOuts) in new (string, double, AssessmentStatus?, string[])[]
                 {
                     ("Alder Moulding", 0.9, AssessmentStatus.Decided, []),
                     ("Birch Plastics", 0.5, AssessmentStatus.Submitted, []),
                     ("Cedar Tooling", 1.0, AssessmentStatus.AwaitingDecision, [CandidateAnswers.NdaQuestion]),
                     ("Dogwood Castings", 0, null, []),
                 })
        {
            var name = SourcingScenario.Name(stem);
            var supplier = await scenario.SupplierAsync(name, stem.StartsWith("Birch", StringComparison.Ordinal) ? "CN" : "VN");
            var score = stage is { } s ? (await scenario.AssessmentAsync(supplier, strength, s, start, knockOuts)).Kept : null;
            candidates.Add((supplier, name, score));
        }

        ProjectId = await scenario.ProjectAsync("Meter housing 2027", candidates.Select(c => c.Id).ToArray());
        var alder = candidates[0];
        var choice = await scenario.ChoiceAsync(ProjectId, alder.Id, Memo.Replace("Alder Moulding", alder.Name, StringComparison.Ordinal));
        await App.AsUserAsync("eve@test", SourcingScenario.Executive, s => s.GetRequiredService<SourcingCommands>().ChoosePartnerAsync(choice));
        View = (await scenario.ViewAsync(ProjectId))!;
        Candidates = candidates.Select(c => (c.Name, c.Score)).ToList();

        var executive = DemoAccounts.ForRole(Web.Infrastructure.Identity.AppRoles.Executive);
        using var client = await App.SignInAsync(executive.Email, executive.Password);
        var bytes = await client.GetByteArrayAsync($"/sourcing/{ProjectId}/report.pdf");
        Pdf = await PdfFile.WriteAsync(bytes, Directory, "partner-selection.pdf");
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
