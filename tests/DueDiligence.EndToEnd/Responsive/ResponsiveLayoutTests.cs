using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Responsive;

/// <summary>
/// The supplier list, the assessment wizard and the decision view on a phone (390 px), a tablet (768 px) and a desktop
/// (1440 px): the navigation can be opened, nothing overflows the page sideways, no table is wider than its container
/// and no text is cut off with an ellipsis. Screenshots go to artifacts/screenshots/responsive-*.png.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ResponsiveLayoutTests(E2EFixture fixture)
{
    /// <summary>Below this width the navigation drawer is closed and opened with the menu button (MudBlazor's Md breakpoint).</summary>
    private const int DrawerBreakpoint = 960;

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var screen in new[] { "supplier-list", "wizard", "decision-view" })
        {
            foreach (var width in new[] { 390, 768, 1440 })
            {
                cases.Add(screen, width);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Screen_AtThisWidth_HasReachableNavigationAndNoOverflowingOrClippedContent(string screen, int width)
    {
        var records = new DemoRecords(fixture.App);
        var (role, path) = screen switch
        {
            "supplier-list" => ("Analyst", "/suppliers"),
            "wizard" => ("Analyst", $"/assessments/{await records.AssessmentAsync("Draft")}"),
            _ => ("Executive", $"/assessments/{await records.AssessmentAsync("AwaitingDecision")}"),
        };
        var page = await fixture.NewPageAsync(new ViewportSize { Width = width, Height = 900 });
        var login = DemoLogins.For(role);
        await page.SignInAsync(login.Email, login.Password);
        await page.GotoAsync(path);
        await page.WaitForPageReadyAsync();
        await page.ScreenshotAsync($"responsive-{screen}-{width}");

        var navigationLink = page.Locator("#app-nav").GetByRole(AriaRole.Link, new() { Name = "Suppliers" });
        if (width < DrawerBreakpoint)
        {
            // The drawer closes itself once the browser has told it the screen is narrow.
            await page.Locator("#app-nav.mud-drawer--closed").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await Assertions.Expect(navigationLink).Not.ToBeInViewportAsync();
            await page.GetByTestId("nav-toggle").ClickAsync();
        }

        await Assertions.Expect(navigationLink).ToBeInViewportAsync();
        if (width < DrawerBreakpoint)
        {
            await page.ScreenshotAsync($"responsive-{screen}-{width}-navigation-open");
        }

        var problems = await LayoutProblemsAsync(page);
        Assert.True(problems.Count == 0, $"{screen} at {width}px:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>What a user would see as broken: sideways scrolling, tables wider than their box, text cut off.</summary>
    internal static async Task<IReadOnlyList<string>> LayoutProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              const describe = e => (e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '')) + ` "${(e.innerText || '').trim().slice(0, 40)}"`;
              if (document.documentElement.scrollWidth > window.innerWidth + 1)
                problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
              for (const table of document.querySelectorAll('main table')) {
                const box = table.closest('.mud-table-container') || table.parentElement;
                if (box.scrollWidth > box.clientWidth + 1)
                  problems.push(`table ${describe(table)} is ${box.scrollWidth}px wide in a ${box.clientWidth}px box`);
              }
              for (const e of document.querySelectorAll('main *')) {
                const style = getComputedStyle(e);
                const visuallyHidden = e.clientWidth <= 1 || style.clip === 'rect(0px, 0px, 0px, 0px)' || (e.tagName === 'INPUT' && e.type === 'file');
                if (style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1 && e.offsetParent !== null && !visuallyHidden)
                  problems.push(`text cut off: ${describe(e)}`);
              }
              return problems;
            }
            """);
}
