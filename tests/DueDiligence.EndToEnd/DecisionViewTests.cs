using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>The executive's decision view on a phone, a tablet and a desktop: everything fits, and the form reads like the page.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class DecisionViewTests(E2EFixture fixture)
{
    /// <summary>A demo assessment that awaits the executive's decision.</summary>
    private const string Supplier = "Kinetic Design Studio Pvt. Ltd.";

    [Theory]
    [InlineData(390)]
    [InlineData(768)]
    [InlineData(1440)]
    public async Task DecisionView_AtThisWidth_FitsTheScreenWithNothingClippedOrOverflowing(int width)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await page.GotoAsync("/assessments?queue=Decision");
        await page.GetByTestId("assessment-link").Filter(new() { HasText = Supplier }).ClickAsync();
        await page.WaitForURLAsync(AssessmentUrl());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("decision-form")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = EvidenceTab() }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("evidence-index")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"decision-view-{width}");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than the screen at {width} px.");

        // Every table, tab bar and text of the view stays inside its box: nothing is cut off or scrolled away at the side.
        // (The legend of an outlined MudBlazor field is a zero-width notch by design.)
        var clipped = await page.EvaluateAsync<string[]>(
            """
            () => {
                document.querySelectorAll('.mud-ripple-effect').forEach(e => e.remove()); // the click's passing ripple
                return [...document.querySelectorAll('[data-testid=assessment-review] *')]
                .filter(e => e.offsetParent !== null && e.tagName !== 'LEGEND' && getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)
                .map(e => `${e.tagName}.${e.className} ${e.scrollWidth} > ${e.clientWidth}`);
            }
            """);
        Assert.Empty(clipped);

        // The rationale reads like the text around it: regular weight, the body size.
        var rationale = await page.GetByTestId("decision-rationale").EvaluateAsync<string[]>(
            "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).fontSize]");
        Assert.Equal(["400", "16px"], rationale);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/assessments/[0-9a-f-]{36}$")]
    private static partial Regex AssessmentUrl();

    [GeneratedRegex("^Evidence")]
    private static partial Regex EvidenceTab();
}
