using System.Text;
using DueDiligence.EndToEnd.Infrastructure;

namespace DueDiligence.EndToEnd.Accessibility;

/// <summary>
/// axe-core scans every page each role can open, on the demo data, signed in once per role. No serious or critical
/// violation may remain; every finding is written to artifacts/accessibility/&lt;role&gt;.md.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class AccessibilityTests(E2EFixture fixture)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static TheoryData<string> Roles() => new(SitePages.Roles);

    [Fact]
    public async Task TheScan_ReportsWhatItFinds()
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync("<html lang='en'><body><main><h1>Scan</h1><img src='a.png'><button></button></main></body></html>");

        var violations = await page.ViolationsAsync();

        var image = Assert.Single(violations, v => v.Id == "image-alt");
        Assert.Equal("critical", image.Impact);
        Assert.Equal(["img"], Assert.Single(image.Nodes).Target);
        Assert.Contains(violations, v => v.Id == "button-name");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryPage_ForThisRole_HasNoSeriousOrCriticalViolations(string role)
    {
        var pages = await SitePages.ForAsync(role, new DemoRecords(fixture.App));
        var page = await fixture.NewSignedInPageAsync(role);

        var report = new StringBuilder($"# axe-core scan — {role}\n\n| Page | Path | Critical | Serious | Moderate | Minor |\n|---|---|---|---|---|---|\n");
        var details = new StringBuilder();
        var blocking = new List<string>();
        foreach (var site in pages)
        {
            await page.GotoAsync(site.Path);
            await page.WaitForPageReadyAsync();
            var violations = await page.ViolationsAsync();
            int Count(string impact) => violations.Where(v => v.Impact == impact).Sum(v => v.Nodes.Length);
            report.Append($"| {site.Name} | `{site.Path}` | {Count("critical")} | {Count("serious")} | {Count("moderate")} | {Count("minor")} |\n");
            foreach (var violation in violations)
            {
                details.Append($"- **{site.Name}** — {violation.Impact} `{violation.Id}`: {violation.Help}\n");
                foreach (var node in violation.Nodes.Take(5))
                {
                    details.Append($"  - `{string.Join(" ", node.Target)}` {node.Html.ReplaceLineEndings(" ")[..Math.Min(160, node.Html.Length)]}\n");
                }

                if (Blocking.Contains(violation.Impact))
                {
                    blocking.Add($"{site.Name} ({site.Path}): {violation.Impact} {violation.Id} — {violation.Help} — {string.Join(", ", violation.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
                }
            }
        }

        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts("accessibility"), $"{role}.md"), report + "\n## Findings\n\n" + details);
        await page.Context.CloseAsync();
        Assert.True(blocking.Count == 0, $"{blocking.Count} serious or critical violations:\n" + string.Join("\n", blocking));
    }
}
