using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed partial class ToolCustodyJourneyTests(E2EFixture fixture)
{
    private const string Sierra = "Sierra Alloy Castings S.A. de C.V.";

    [Fact]
    public async Task AnalystMovesAToolToASiteOfAnUnapprovedSupplier_TheToolIsFlaggedOnItsPageAndInTheRegister()
    {
        var tag = $"E2E-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.GotoAsync("/tooling/new");
        await page.WaitForPageReadyAsync();
        // A field typed into right after a choice can lose its text to that choice's re-render: each is filled until kept.
        await page.GetByTestId("tool-tag").FillUntilKeptAsync(tag);
        await page.GetByTestId("tool-description").FillUntilKeptAsync("Trim die, HM-4 frame");
        await page.GetByTestId("tool-place").ChooseAsync("In-house");
        await page.GetByTestId("tool-custodian").FillUntilKeptAsync("Tooling engineering, Munich");
        await page.GetByTestId("tool-signed-by").FillUntilKeptAsync("Jana Weiss");
        await page.GetByTestId("tool-signed-on").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        await page.GetByTestId("save-tool").ClickAsync();
        await page.WaitForURLAsync(ToolUrl());
        await page.WaitForPageReadyAsync();
        await Assertions.Expect(page.GetByTestId("tool-ok")).ToHaveTextAsync("In order");

        await page.GetByTestId("tool-place").ChooseAsync($"{Sierra} — Monterrey, Mexico (not approved)");
        await page.GetByTestId("tool-custodian").FillUntilKeptAsync("Ing. Laura Ortiz");
        await page.GetByTestId("tool-signed-by").FillUntilKeptAsync("Laura Ortiz");
        await page.GetByTestId("tool-signed-on").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        await page.GetByTestId("save-transfer").ClickAsync();
        await page.ConfirmAsync();

        await Assertions.Expect(page.GetByTestId("tool-flag")).ToContainTextAsync($"{Sierra} is not an approved supplier (a prospect, never assessed).");
        await Assertions.Expect(page.GetByTestId("transfer-to").First).ToHaveTextAsync($"{Sierra} — Monterrey, Mexico");
        await page.ScreenshotAsync("tooling-tool-flagged-1440");

        // The tool's place leads to the supplier's Tooling tab, which lists it.
        await page.GetByTestId("tool-current-place").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Tooling" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByTestId("tool-link").Filter(new() { HasText = tag })).ToHaveCountAsync(1);

        await page.GotoAsync("/tooling");
        await page.WaitForPageReadyAsync();
        await page.GetByTestId("flagged-only").CheckAsync();
        await Assertions.Expect(page.GetByTestId("tool-link").Filter(new() { HasText = tag })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("tool-link").Filter(new() { HasText = "MLD-0101" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("tooling-register-flagged-1440");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LegalReviewerOpensTheDemoProject_ThePlannerShowsTheSharesAndTheAdvice()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await page.GotoAsync("/sourcing");
        await page.WaitForPageReadyAsync();
        await page.GetByTestId("project-link").Filter(new() { HasText = "HM-4 handheld meter housing" }).ClickAsync();
        await page.WaitForCircuitAsync();

        var planner = page.GetByTestId("planner");
        var brightpath = planner.GetByTestId("planner-supplier-shares").GetByTestId("share-row").Filter(new() { HasText = "Brightpath" });
        await Assertions.Expect(brightpath.GetByTestId("share-percent")).ToHaveTextAsync("52.0 %");
        await Assertions.Expect(planner.GetByTestId("planner-advice")).ToContainTextAsync("Keep “Main board firmware” in-house");
        await Assertions.Expect(planner.GetByTestId("planner-in-house")).ToContainTextAsync("In-house: 20.0 % of the design");
        await Assertions.Expect(planner.GetByTestId("bom-save")).ToHaveCountAsync(0);
        await planner.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "planner-demo-project-1440.png") });
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/tooling/[0-9a-f-]{36}$")]
    private static partial Regex ToolUrl();
}
