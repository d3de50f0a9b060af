using DueDiligence.EndToEnd.Infrastructure;
using DueDiligence.EndToEnd.Responsive;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// The sourcing and jurisdiction pages on a phone (390 px), a tablet (768 px) and a desktop (1440 px): nothing overflows
/// the page sideways, no table is wider than its box and no text is cut off. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SourcingAndJurisdictionLayoutTests(E2EFixture fixture)
{
    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var screen in new[] { "sourcing-projects", "sourcing-project", "jurisdiction-list", "jurisdiction-detail" })
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
    public async Task Screen_AtThisWidth_HasNoOverflowingOrClippedContent(string screen, int width)
    {
        var (role, path) = screen switch
        {
            "sourcing-projects" => ("Analyst", "/sourcing"),
            "sourcing-project" => ("Analyst", $"/sourcing/{await new DemoRecords(fixture.App).SourcingProjectAsync()}"),
            "jurisdiction-list" => ("LegalReviewer", "/jurisdictions"),
            _ => ("LegalReviewer", "/jurisdictions/CN"),
        };
        var page = await fixture.NewPageAsync(new ViewportSize { Width = width, Height = 900 });
        var login = DemoLogins.For(role);
        await page.SignInAsync(login.Email, login.Password);
        await page.GotoAsync(path);
        await page.WaitForPageReadyAsync();
        await page.ScreenshotAsync($"responsive-{screen}-{width}");

        var problems = await ResponsiveLayoutTests.LayoutProblemsAsync(page);

        Assert.True(problems.Count == 0, $"{screen} at {width}px:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
