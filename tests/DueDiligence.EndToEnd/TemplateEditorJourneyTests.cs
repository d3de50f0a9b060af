using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed class TemplateEditorJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task Admin_BuildsASmallTemplate_FixesALiveError_PublishesIt_PreviewsIt_AndDiscardsANewDraft()
    {
        var page = await fixture.NewPageAsync();
        var name = $"Short form {Guid.NewGuid().ToString("N")[..6]}";
        await page.SignInAsync("admin@demo.local", "Demo-Admin-2026");
        await page.GotoAsync("/admin/templates");
        await page.WaitForCircuitAsync();

        // A blank template: the editor at once says what is missing.
        await page.GetByTestId("new-template").ClickAsync();
        await page.GetByTestId("new-template-name").FillAsync(name);
        await page.GetByTestId("create-template").ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-title")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("error-count")).ToHaveTextAsync("1 problem");

        // A section with a Yes/No question: the question without text shows its error next to the field.
        await page.GetByTestId("add-section").ClickAsync();
        await page.GetByTestId("section-code").FillAsync("CT");
        await page.GetByTestId("section-title").FillAsync("Contracts");
        await page.GetByTestId("add-question").ClickAsync();
        await Assertions.Expect(page.GetByTestId("question-code")).ToHaveValueAsync("CT-01");
        var textError = page.Locator("[data-testid=field-error][data-path='sections[0].questions[0].text']");
        await Assertions.Expect(textError).ToHaveTextAsync("Every question needs a text.");
        await Assertions.Expect(page.GetByTestId("error-count")).ToHaveTextAsync("1 problem");
        await page.ScreenshotAsync("template-editor-live-error");

        await page.GetByTestId("question-text").FillAsync("Has the supplier signed our NDA?");
        await Assertions.Expect(textError).ToHaveCountAsync(0);
        await page.GetByTestId("knockout-yesno").ChooseAsync("Answering No knocks out");
        await Assertions.Expect(page.GetByTestId("knockout-summary")).ToHaveTextAsync("Answering No knocks the supplier out.");

        // A single-choice question with its options and points; one option knocks out.
        await page.GetByTestId("add-question").ClickAsync();
        await Assertions.Expect(page.GetByTestId("question-code")).ToHaveValueAsync("CT-02");
        await page.GetByTestId("question-text").FillAsync("Which law governs the supply contract?");
        await page.GetByTestId("question-type").ChooseAsync("Single choice");
        await Assertions.Expect(page.GetByTestId("option-row")).ToHaveCountAsync(2);
        await FillOptionAsync(page, 0, "OURS", "Our home jurisdiction", "1");
        await FillOptionAsync(page, 1, "NONE", "No written contract", "0");
        await page.GetByTestId("option-knockout").Nth(1).CheckAsync();
        await Assertions.Expect(page.GetByTestId("error-count")).ToHaveTextAsync("No problems");
        await page.ScreenshotAsync("template-editor-ready");

        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("All changes saved.");

        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("it can no longer be edited");
        await page.ConfirmAsync();
        await Assertions.Expect(page.GetByTestId("read-only-note")).ToContainTextAsync("so it is read-only");
        await Assertions.Expect(page.GetByTestId("template-status")).ToHaveTextAsync("Published");
        await Assertions.Expect(page.GetByTestId("new-version")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid=template-read-only] input, [data-testid=template-read-only] textarea, [data-testid=template-read-only] select").CountAsync());
        await page.ScreenshotAsync("template-published-read-only");

        // The preview renders both questions as an analyst answers them.
        await page.GetByTestId("preview").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-title")).ToHaveTextAsync($"Preview: {name}");
        await Assertions.Expect(page.GetByTestId("question-CT-01")).ToContainTextAsync("Has the supplier signed our NDA?");
        await Assertions.Expect(page.GetByTestId("knockout-CT-01")).ToHaveTextAsync("Answering No knocks the supplier out.");
        await page.GetByTestId("answer-CT-01-yes").CheckAsync();
        await Assertions.Expect(page.GetByTestId("answer-CT-01-yes")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("answer-CT-02-option-OURS")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("question-CT-02")).ToContainTextAsync("No written contract");
        await page.GetByTestId("answer-CT-02-option-NONE").CheckAsync();
        await Assertions.Expect(page.GetByTestId("answer-CT-02-option-NONE")).ToBeCheckedAsync();
        await page.ScreenshotAsync("template-preview");

        // A new version starts as a draft; discarding it (after confirming) leaves the published version alone.
        await page.GotoAsync("/admin/templates");
        await page.WaitForCircuitAsync();
        var template = page.Locator($"[data-testid=template][data-name='{name}']");
        await template.GetByTestId("new-version").ClickAsync();
        await Assertions.Expect(page.GetByTestId("discard-draft")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("template-status")).ToHaveTextAsync("Draft");
        await page.GetByTestId("discard-draft").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("Version 2 and every change saved in it are deleted");
        await page.ConfirmAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin/templates", StringComparison.Ordinal));
        await Assertions.Expect(template.GetByTestId("template-status")).ToHaveTextAsync(["Published"]);
        await Assertions.Expect(template.GetByTestId("discard")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task FillOptionAsync(IPage page, int row, string code, string label, string points)
    {
        await page.GetByTestId("option-code").Nth(row).FillAsync(code);
        await page.GetByTestId("option-label").Nth(row).FillAsync(label);
        var pointsInput = page.GetByTestId("option-points").Nth(row);
        await pointsInput.FillAsync(points);
        await pointsInput.PressAsync("Tab");
    }
}
