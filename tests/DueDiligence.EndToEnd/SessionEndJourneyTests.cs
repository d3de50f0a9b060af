using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>An open page whose session ends elsewhere goes to the sign-in page by itself, which says why.</summary>
[Collection(E2ECollection.Name)]
public sealed class SessionEndJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task OpenPage_WhenTheSameSessionSignsOutInAnotherTab_GoesToTheSignInPageThatSaysTheSessionEnded()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.GotoAsync("/suppliers");
        await page.WaitForPageReadyAsync();

        var otherTab = await page.Context.NewPageAsync();
        await otherTab.GotoAsync("/my-work");
        await otherTab.GetByTestId("sign-out").ClickAsync();
        await otherTab.WaitForURLAsync(new Regex("/account/login"));

        // The circuit checks its session every 5 s.
        await page.WaitForURLAsync(new Regex("/account/login"), new PageWaitForURLOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("session-ended")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
