using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>The executive's decision form reads like the page around it (its layout at every width: ResponsiveLayoutTests).</summary>
[Collection(E2ECollection.Name)]
public sealed class DecisionViewTests(E2EFixture fixture)
{
    [Fact]
    public async Task DecisionForm_Rationale_HasTheBodyTypeOfThePage()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await page.GotoAsync($"/assessments/{await new DemoRecords(fixture.App).AssessmentAsync("AwaitingDecision")}");
        await page.WaitForPageReadyAsync();

        var rationale = await page.GetByTestId("decision-rationale").EvaluateAsync<string[]>(
            "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).fontSize]");

        Assert.Equal(["400", "16px"], rationale);
        await page.Context.CloseAsync();
    }
}
