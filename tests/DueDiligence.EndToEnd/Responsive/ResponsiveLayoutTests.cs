using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Responsive;

/// <summary>
/// The main screens of every role on a phone (390 px), a tablet (768 px), a small laptop or a tablet held sideways (1024 px)
/// and a desktop (1440 px): the navigation can be
/// opened, every control of the app bar is on the screen, nothing overflows the page sideways, no table or box hides content that has to be scrolled sideways, and no
/// text is cut off with an ellipsis. Screenshots go to artifacts/screenshots/responsive-*.png.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ResponsiveLayoutTests(E2EFixture fixture)
{
    /// <summary>Below this width the navigation drawer is closed and opened with the menu button (MudBlazor's Lg breakpoint, app.css).</summary>
    private const int DrawerBreakpoint = 1280;

    private static readonly string[] Screens =
    [
        "supplier-list", "assessment-list", "wizard", "decision-view", "dashboard", "changed-since-decision", "users", "audit-log",
        "sourcing-projects", "sourcing-project", "jurisdiction-list", "jurisdiction-detail", "notifications", "tooling", "ip-rights", "my-work",
    ];

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var screen in Screens)
        {
            foreach (var width in new[] { 390, 768, 1024, 1440 })
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
            "assessment-list" => ("Analyst", "/assessments"),
            "changed-since-decision" => ("Executive", "/changed-since-decision"),
            "wizard" => ("Analyst", $"/assessments/{await records.AssessmentAsync("Draft")}"),
            "decision-view" => ("Executive", $"/assessments/{await records.AssessmentAsync("AwaitingDecision")}"),
            "dashboard" => ("Executive", "/dashboard"),
            "users" => ("Admin", "/admin/users"),
            "audit-log" => ("Admin", "/admin/audit"),
            "sourcing-projects" => ("Analyst", "/sourcing"),
            "sourcing-project" => ("Analyst", $"/sourcing/{await records.SourcingProjectAsync()}"),
            "jurisdiction-list" => ("LegalReviewer", "/jurisdictions"),
            "notifications" => ("Analyst", "/notifications"),
            "tooling" => ("Analyst", "/tooling"),
            "ip-rights" => ("LegalReviewer", "/ip-rights"),
            "my-work" => ("Analyst", "/my-work"),
            _ => ("LegalReviewer", "/jurisdictions/CN"),
        };
        var page = await fixture.NewSignedInPageAsync(role, new ViewportSize { Width = width, Height = 900 });
        await page.GotoAsync(path);
        await page.WaitForPageReadyAsync();
        await page.ScreenshotAsync($"responsive-{screen}-{width}");

        var navigationLink = page.Locator("#app-nav").GetByRole(AriaRole.Link, new() { Name = "Dashboard" });
        if (width < DrawerBreakpoint)
        {
            // On a narrow screen the drawer starts closed and opens over the page.
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

    /// <summary>What a user would see as broken: sideways scrolling, tables or boxes hiding content at the side, text cut off.</summary>
    private static async Task<IReadOnlyList<string>> LayoutProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              const describe = e => (e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '')) + ` "${(e.innerText || '').trim().slice(0, 40)}"`;
              for (const e of document.querySelectorAll('.app-header a, .app-header button')) {
                const r = e.getBoundingClientRect();
                if (r.width > 0 && r.right > window.innerWidth + 1)
                  problems.push(`header ${describe(e)} ends at ${Math.round(r.right)}px, beyond the ${window.innerWidth}px window`);
              }
              if (document.documentElement.scrollWidth > window.innerWidth + 1)
                problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
              for (const table of document.querySelectorAll('main table')) {
                const box = table.closest('.mud-table-container') || table.parentElement;
                if (box.scrollWidth > box.clientWidth + 1)
                  problems.push(`table ${describe(table)} is ${box.scrollWidth}px wide in a ${box.clientWidth}px box`);
              }
              // Text for screen readers only (1 px, clipped) and the file input behind its button are hidden on purpose.
              const hiddenOnPurpose = e => e.offsetParent === null || e.clientWidth <= 1 || getComputedStyle(e).clip === 'rect(0px, 0px, 0px, 0px)'
                || (e.tagName === 'INPUT' && e.type === 'file');
              for (const e of document.querySelectorAll('main *')) {
                if (hiddenOnPurpose(e)) continue;
                const style = getComputedStyle(e);
                // A box that scrolls or clips sideways hides part of what it holds (the legend of an outlined MudBlazor
                // field is a zero-width notch by design; a click's ripple passes; inputs scroll their own text).
                if (style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1 && !['LEGEND', 'INPUT', 'TEXTAREA'].includes(e.tagName) && !e.classList.contains('mud-ripple'))
                  problems.push(`box ${describe(e)} hides ${e.scrollWidth - e.clientWidth}px at the side`);
                if (style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
                  problems.push(`text cut off: ${describe(e)}`);
              }
              return problems;
            }
            """);
}
