using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>
/// Answers the default questionnaire in the wizard the way a careful analyst with a strong supplier would, reading the
/// shipped template file to know each question's type and its best answer. Evidence-required questions get a
/// justification unless a file is uploaded for them.
/// </summary>
public static class DefaultTemplateAnswers
{
    private static readonly string TemplatePath =
        Path.Combine(RepositoryPaths.Root, "src", "DueDiligence.Web", "Infrastructure", "Persistence", "Seed", "ip-risk-overseas-manufacturing.v1.json");

    /// <summary>
    /// Answers every question but <paramref name="skip"/>, uploading the file for <paramref name="evidenceQuestion"/>. In
    /// <paramref name="weakSections"/> the supplier is a weak one: the answer with the fewest points on every question that
    /// is not a knock-out (knock-outs still get their best answer, so nothing blocks the decision).
    /// </summary>
    public static async Task AnswerAllAsync(IPage page, string? evidenceQuestion, string? evidenceFile, string? skip = null, IReadOnlyCollection<string>? weakSections = null)
    {
        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(TemplatePath));
        foreach (var section in template.RootElement.GetProperty("sections").EnumerateArray())
        {
            var sectionCode = section.GetProperty("code").GetString()!;
            var weak = weakSections?.Contains(sectionCode) == true;
            await page.GetByTestId($"step-{sectionCode}").ClickAsync();
            foreach (var question in section.GetProperty("questions").EnumerateArray())
            {
                var code = question.GetProperty("code").GetString()!;
                if (code == skip)
                {
                    continue;
                }

                await AnswerAsync(page, code, question, weakest: weak && !IsKnockOut(question));
                if (question.TryGetProperty("evidenceRequired", out var evidence) && evidence.GetBoolean())
                {
                    if (code == evidenceQuestion && evidenceFile is not null)
                    {
                        await page.GetByTestId($"upload-{code}").SetInputFilesAsync(evidenceFile);
                        await Assertions.Expect(page.GetByTestId($"upload-message-{code}")).ToContainTextAsync("attached");
                    }
                    else
                    {
                        var saves = await SavesAsync(page, code);
                        await page.GetByTestId($"justification-{code}").FillAsync("Supplier shows the document on site only; seen during the audit visit.");
                        await page.GetByTestId($"justification-{code}").BlurAsync();
                        await WaitSavedAsync(page, code, saves);
                    }
                }
            }
        }
    }

    private static async Task AnswerAsync(IPage page, string code, JsonElement question, bool weakest)
    {
        var saves = await SavesAsync(page, code);
        switch (question.GetProperty("type").GetString())
        {
            case "YesNo":
                var inverted = question.TryGetProperty("inverted", out var inv) && inv.GetBoolean();
                await page.GetByTestId($"answer-{code}-{(inverted != weakest ? "no" : "yes")}").CheckAsync();
                break;
            case "Maturity":
                await page.GetByTestId($"answer-{code}-level-{(weakest ? 0 : 3)}").CheckAsync();
                break;
            case "SingleChoice":
            case "MultipleChoice":
                var options = question.GetProperty("options").EnumerateArray();
                var chosen = weakest ? options.MinBy(o => o.GetProperty("points").GetDouble()) : options.MaxBy(o => o.GetProperty("points").GetDouble());
                await page.GetByTestId($"answer-{code}-option-{chosen.GetProperty("code").GetString()}").CheckAsync();
                break;
            case "Number":
                var number = weakest ? WorstNumber(question) : BestNumber(question);
                await page.GetByTestId($"answer-{code}-number").FillAsync(number.ToString(CultureInfo.InvariantCulture));
                await page.GetByTestId($"answer-{code}-number").BlurAsync();
                break;
            case "Date":
                await page.GetByTestId($"answer-{code}-date").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddYears(2)));
                await page.GetByTestId($"answer-{code}-date").BlurAsync();
                break;
            case "Text":
                await page.GetByTestId($"answer-{code}-text").FillAsync("Described during the supplier visit; see the visit report.");
                await page.GetByTestId($"answer-{code}-text").BlurAsync();
                break;
        }

        await WaitSavedAsync(page, code, saves);
    }

    /// <summary>A value inside the band with the most points (the open-ended last band is above the last bound).</summary>
    private static double BestNumber(JsonElement question)
    {
        var bands = question.GetProperty("bands").EnumerateArray().ToList();
        var bestIndex = bands.IndexOf(bands.MaxBy(b => b.GetProperty("points").GetDouble()));
        var upTo = bands[bestIndex].GetProperty("upTo");
        if (upTo.ValueKind == JsonValueKind.Number)
        {
            return upTo.GetDouble();
        }

        return bands[bestIndex - 1].GetProperty("upTo").GetDouble() + 1;
    }

    private static bool IsKnockOut(JsonElement question) =>
        question.TryGetProperty("knockOut", out var knockOut) && knockOut.ValueKind != JsonValueKind.Null;

    /// <summary>A value inside the band with the fewest points.</summary>
    private static double WorstNumber(JsonElement question)
    {
        var bands = question.GetProperty("bands").EnumerateArray().ToList();
        var worstIndex = bands.IndexOf(bands.MinBy(b => b.GetProperty("points").GetDouble()));
        var upTo = bands[worstIndex].GetProperty("upTo");
        return upTo.ValueKind == JsonValueKind.Number ? upTo.GetDouble() : bands[worstIndex - 1].GetProperty("upTo").GetDouble() + 1;
    }

    /// <summary>How often the question has been saved since the page was opened (its save state carries the count).</summary>
    public static async Task<int> SavesAsync(IPage page, string code) =>
        int.Parse(await page.GetByTestId($"save-state-{code}").GetAttributeAsync("data-saves") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>Waits until the question says "Saved" after one more save than <paramref name="savesBefore"/>.</summary>
    public static async Task WaitSavedAsync(IPage page, string code, int savesBefore)
    {
        await page.WaitForFunctionAsync(
            "([code, before]) => { const e = document.querySelector(`[data-testid=\"save-state-${code}\"]`); return !!e && e.dataset.state === 'saved' && Number(e.dataset.saves) > before; }",
            new object[] { code, savesBefore });
        await Assertions.Expect(page.GetByTestId($"save-state-{code}")).ToContainTextAsync("Saved ");
    }
}
