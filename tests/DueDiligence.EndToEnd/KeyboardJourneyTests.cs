using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// An analyst who uses only the keyboard signs in, answers the last open question, attaches its evidence and submits.
/// Every control is reached with Tab and used with Space or Enter; no click, no fill.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class KeyboardJourneyTests(E2EFixture fixture)
{
    private const string Question = "CT-01";

    [Fact]
    public async Task KeyboardOnly_AnalystSignsInAnswersUploadsAndSubmits()
    {
        var assessmentPath = await AssessmentWithOneQuestionLeftAsync();
        var certificate = Path.Combine(Path.GetTempPath(), $"signed-NDA-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(certificate, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());

        var page = await fixture.NewPageAsync();
        // Playwright turns file-chooser interception on without waiting for the browser when the first listener is added;
        // adding one now, long before the key press, keeps a chooser opened by that press from slipping past the test.
        page.FileChooser += (_, _) => { };
        await page.GotoAsync("/account/login");
        await TabToAsync(page, page.Locator("#email"));
        await page.Keyboard.TypeAsync("analyst@demo.local");
        await TabToAsync(page, page.Locator("#password"));
        await page.Keyboard.TypeAsync("Demo-Analyst-2026");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync($"{assessmentPath}?section=CT");
        await page.WaitForPageReadyAsync();
        var saves = await DefaultTemplateAnswers.SavesAsync(page, Question);
        await TabToAsync(page, page.GetByTestId($"answer-{Question}-yes"));
        await page.Keyboard.PressAsync("Space");
        await DefaultTemplateAnswers.WaitSavedAsync(page, Question, saves);

        var upload = page.GetByTestId($"upload-{Question}");
        await TabToAsync(page, upload);
        await Assertions.Expect(upload).ToBeEnabledAsync();
        await Assertions.Expect(upload).ToBeFocusedAsync();
        await page.ScreenshotAsync("keyboard-upload-focused", fullPage: false);
        IFileChooser chooser;
        try
        {
            chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"), new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 300) ?? 'nothing'");
            throw new Xunit.Sdk.XunitException($"Enter on the focused file input opened no file chooser; the focus is on: {focused}");
        }

        await chooser.SetFilesAsync(certificate);
        await Assertions.Expect(page.GetByTestId($"upload-message-{Question}")).ToContainTextAsync("attached");

        await TabToAsync(page, page.GetByTestId("submit-assessment"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("current-status")).ToHaveTextAsync("Submitted");
        await page.ScreenshotAsync("keyboard-submitted");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the element has the focus, as a keyboard user would; fails if it is never reached.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 400)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{target} was not reached with {maxPresses} presses of Tab.");
    }

    /// <summary>Set up with the mouse, as any analyst would: a new supplier's assessment with every question answered but one.</summary>
    private async Task<string> AssessmentWithOneQuestionLeftAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.CreateSupplierAsync($"Keyboard Tooling {Guid.NewGuid():N}"[..28], "DE", ("DE", "Stuttgart"));
        await page.GetByTestId("start-assessment-link").ClickAsync();
        await page.WaitForCircuitAsync();
        await page.GetByTestId("start-assessment").ClickAsync();
        await page.WaitForURLAsync(AssessmentUrl());
        await page.WaitForPageReadyAsync();
        await DefaultTemplateAnswers.AnswerAllAsync(page, evidenceQuestion: null, evidenceFile: null, skip: Question);
        var path = new Uri(page.Url).AbsolutePath;
        await page.Context.CloseAsync();
        return path;
    }

    [GeneratedRegex(@"/assessments/[0-9a-f-]{36}")]
    private static partial Regex AssessmentUrl();
}
