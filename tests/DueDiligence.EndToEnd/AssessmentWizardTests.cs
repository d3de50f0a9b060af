using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>What only a browser shows in the analyst's wizard: text saved while typing, the section in the address, leaving with unsaved input.</summary>
[Collection(E2ECollection.Name)]
public sealed class AssessmentWizardTests(E2EFixture fixture)
{
    [Fact]
    public async Task Wizard_WhenTextIsTypedAndLeftUnfocused_SavesItAfterAPauseAndAReloadKeepsItAndTheSection()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.StartAssessmentOfNewSupplierAsync($"Baltic Tooling {Guid.NewGuid():N}"[..28]);

        await page.GetByTestId("step-LL").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?section=LL$"));
        await Assertions.Expect(page.GetByTestId("section-LL")).ToBeVisibleAsync();
        var saves = await DefaultTemplateAnswers.SavesAsync(page, "LL-06");
        // Typed, not left: only the pause in typing saves it.
        await page.GetByTestId("answer-LL-06-text").PressSequentiallyAsync("Local counsel confirmed that injunctions are granted within weeks.");
        await DefaultTemplateAnswers.WaitSavedAsync(page, "LL-06", saves);
        await Assertions.Expect(page.GetByTestId("save-state")).ToContainTextAsync("All changes saved");

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByTestId("section-LL")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("answer-LL-06-text")).ToHaveValueAsync("Local counsel confirmed that injunctions are granted within weeks.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wizard_WhenLeavingAfterTyping_SavesTheTextOnTheWayOut()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        var assessment = await page.StartAssessmentOfNewSupplierAsync($"Riga Moulds {Guid.NewGuid():N}"[..26]);

        // No pause in typing: leaving the field for the menu saves it.
        await page.GetByTestId("comment-DD-01").PressSequentiallyAsync("Checked the trade register.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/suppliers$"));

        await page.GotoAsync(assessment);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("comment-DD-01")).ToHaveValueAsync("Checked the trade register.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wizard_WhenAnAnswerCouldNotBeSaved_SaysWhyAndAsksBeforeLeaving()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        var assessment = await page.StartAssessmentOfNewSupplierAsync($"Vilnius Optics {Guid.NewGuid():N}"[..29]);

        await page.GetByTestId("comment-DD-01").FillAsync(new string('x', 2100));
        await page.GetByTestId("comment-DD-01").BlurAsync();
        await Assertions.Expect(page.GetByTestId("save-state-DD-01")).ToContainTextAsync("Not saved: ");
        await Assertions.Expect(page.GetByTestId("save-state-DD-01")).ToContainTextAsync("is longer than 2000 characters");
        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers", Exact = true }).First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("confirm-cancel").ClickAsync();
        Assert.EndsWith(assessment, page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wizard_WhenItemsAreMissing_ShowsAShortSummaryThatOpensIntoLinksToTheQuestions()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.StartAssessmentOfNewSupplierAsync($"Tallinn Casting {Guid.NewGuid():N}"[..30]);

        await Assertions.Expect(page.GetByTestId("missing-summary")).ToHaveTextAsync(new Regex(@"^\d+ items missing in 8 sections$"));
        await Assertions.Expect(page.GetByTestId("missing-list")).ToHaveCountAsync(0);
        await page.GetByTestId("submit-assessment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-refusal")).ToContainTextAsync("Not submitted yet");
        await Assertions.Expect(page.GetByTestId("missing-list")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("current-status")).ToHaveTextAsync("Draft");

        await page.GetByTestId("missing-DS-01").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?section=DS$"));
        await Assertions.Expect(page.GetByTestId("question-DS-01")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wizard_OptionalEvidence_IsMadeOnlyWhenOpenedAndThenAttachesTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"founding-record-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.StartAssessmentOfNewSupplierAsync($"Kaunas Dies {Guid.NewGuid():N}"[..26]);

        // DD-01 needs no evidence: its upload controls (a date picker among them) are not made until they are asked for.
        await Assertions.Expect(page.GetByTestId("upload-DD-01")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("upload-DD-02")).ToHaveCountAsync(1);
        await page.GetByTestId("evidence-DD-01").GetByText("Attach evidence (optional)").ClickAsync();
        await Assertions.Expect(page.GetByTestId("expiry-DD-01")).ToBeVisibleAsync();

        await page.GetByTestId("upload-DD-01").SetInputFilesAsync(file);
        await Assertions.Expect(page.GetByTestId("upload-message-DD-01")).ToContainTextAsync("attached");
        await Assertions.Expect(page.GetByTestId("evidence-DD-01").GetByTestId("evidence-link")).ToHaveTextAsync(Path.GetFileName(file));
        await page.Context.CloseAsync();
    }
}
