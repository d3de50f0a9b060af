using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.Bench;

/// <summary>
/// Open wizards: the published app with demo data, the demo analyst, and K Chromium pages (one browser, a context each)
/// on the wizard of the demo's draft assessment. For each K (ascending; the pages of the smaller K stay open), the live
/// managed heap of the app is measured after a full collection and compared with the heap before any wizard was open;
/// then each page answers a question of its own and waits for "Saved", one page at a time, and the times are reported.
/// With <c>--page PATH</c> the pages open that page instead, to compare what its circuit holds; no interaction is timed.
/// In the path, <c>{supplier}</c> is the demo draft's supplier, <c>{decided}</c> the newest decided assessment and
/// <c>{in-review}</c> the newest in legal review; <c>--as legal</c> (or executive) opens it as that demo user.
/// Last, where the page may pause (the wizard, home, dashboard), the tabs are hidden: each pauses its circuit (after one
/// second, in this run), the heap is measured again, and then each tab is shown again and the time until its page is
/// back on a new circuit is reported.
/// </summary>
internal static class CircuitsBench
{
    /// <summary>The demo users a page can be opened as (--as); the analyst by default, who answers the wizard.</summary>
    private static readonly Dictionary<string, (string Email, string Password)> Users = new()
    {
        ["analyst"] = ("analyst@demo.local", "Demo-Analyst-2026"),
        ["legal"] = ("legal@demo.local", "Demo-Legal-2026"),
        ["executive"] = ("executive@demo.local", "Demo-Executive-2026"),
    };
    private const int InteractionSamples = 100;
    private const int OpenedAtOnce = 5;

    public static async Task RunAsync(string[] args)
    {
        var counts = Option(args, "--counts")?.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).Order().ToList() ?? [10, 50, 100];
        var executable = Option(args, "--app") ?? Path.Combine(HeapDump.RepositoryRoot, "artifacts", "app", "DueDiligence.Web");
        var otherPage = Option(args, "--page");
        var reports = Path.Combine(HeapDump.RepositoryRoot, "artifacts", "bench");
        Directory.CreateDirectory(reports);

        // A hidden tab pauses its circuit after a second here (two minutes by default): the last step measures paused pages.
        await using var app = await PublishedApp.StartAsync(executable, new Dictionary<string, string> { ["Circuits__PauseHiddenPageAfterSeconds"] = "1" });
        var assessment = await app.AssessmentAsync("Draft");
        otherPage = otherPage?.Replace("{supplier}", (await app.SupplierOfAsync(assessment)).ToString(), StringComparison.Ordinal)
            .Replace("{decided}", (await app.AssessmentAsync("Decided")).ToString(), StringComparison.Ordinal)
            .Replace("{in-review}", (await app.AssessmentAsync("LegalReview")).ToString(), StringComparison.Ordinal);
        var questions = ClickableQuestions();
        Console.WriteLine(otherPage is null
            ? $"Wizard of the demo draft {assessment}; {questions.Count} questions answered by a click; load average {LoadAverage()}"
            : $"Page {otherPage}; load average {LoadAverage()}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);
        var signedIn = await SignInAsync(browser, app.BaseUrl, Users[Option(args, "--as") ?? "analyst"]);

        // One wizard opened and left first, so that what every circuit shares (compiled code, the template, caches) is in
        // the baseline; leaving the page ends its circuit (Blazor's disconnect beacon).
        var open = otherPage is null
            ? (Func<int, Task<Wizard>>)(i => OpenWizardAsync(browser, app.BaseUrl, signedIn, assessment, questions[i % questions.Count]))
            : i => OpenPageAsync(browser, app.BaseUrl, signedIn, otherPage);
        var warmUp = await open(0);
        await warmUp.Page.GotoAsync("about:blank");
        await warmUp.Context.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (baseline, baselineReport) = await HeapDump.LiveHeapAsync(app.ProcessId);
        var baselineResident = HeapDump.ResidentBytes(app.ProcessId);
        await File.WriteAllTextAsync(Path.Combine(reports, "circuits-0.txt"), baselineReport);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"K = 0: live managed heap {baseline / 1024.0 / 1024:F1} MB, RSS {baselineResident / 1024.0 / 1024:F0} MB"));

        var wizards = new List<Wizard>();
        foreach (var count in counts)
        {
            var opening = Stopwatch.StartNew();
            while (wizards.Count < count)
            {
                var batch = Enumerable.Range(wizards.Count, Math.Min(OpenedAtOnce, count - wizards.Count))
                    .Select(open);
                wizards.AddRange(await Task.WhenAll(batch));
            }

            var opened = opening.Elapsed;
            var (heap, report) = await HeapDump.LiveHeapAsync(app.ProcessId);
            var resident = HeapDump.ResidentBytes(app.ProcessId);
            await File.WriteAllTextAsync(Path.Combine(reports, $"circuits-{count}.txt"), report);
            var interaction = "no interaction timed";
            if (otherPage is null)
            {
                var timings = await InteractAsync(wizards.Take(questions.Count).ToList());
                interaction = string.Create(CultureInfo.InvariantCulture,
                    $"interaction (answer, \"Saved\") p50 {AsyncHarness.Percentile(timings, 0.50):F0} ms, p95 {AsyncHarness.Percentile(timings, 0.95):F0} ms, " +
                    $"max {timings[^1]:F0} ms over {timings.Length} answers in {Math.Min(count, questions.Count)} pages");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"K = {count}: managed heap per circuit {(heap - baseline) / 1024.0 / count:F0} KB (live heap {heap / 1024.0 / 1024:F1} MB), " +
                $"RSS per circuit {(resident - baselineResident) / 1024.0 / count:F0} KB; {interaction}; opened in {opened.TotalSeconds:F0} s; load average {LoadAverage()}"));
        }

        // Pages that may pause (the wizard, the home page, the dashboard: ADR 0011) are hidden last.
        if (await wizards[0].Page.Locator("[data-circuit-pausable]").CountAsync() > 0)
        {
            await HiddenAsync(app, wizards, baseline, baselineResident, reports);
        }

        Console.WriteLine($"The heap reports (largest types first) are in {reports}/circuits-K.txt.");
    }

    /// <summary>
    /// Every page's tab hidden, as when the user turns to another tab: the heap once all have paused their circuits,
    /// then the time from showing each tab again until its page is back (rendered by a new circuit, pausable again).
    /// </summary>
    private static async Task HiddenAsync(PublishedApp app, IReadOnlyList<Wizard> wizards, long baseline, long baselineResident, string reports)
    {
        foreach (var wizard in wizards)
        {
            await wizard.Page.HideAsync();
        }

        foreach (var wizard in wizards)
        {
            await wizard.Page.Locator("html[data-circuit=paused]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var (heap, report) = await HeapDump.LiveHeapAsync(app.ProcessId);
        var resident = HeapDump.ResidentBytes(app.ProcessId);
        await File.WriteAllTextAsync(Path.Combine(reports, "circuits-hidden.txt"), report);

        var timings = new List<double>();
        foreach (var wizard in wizards)
        {
            var started = Stopwatch.GetTimestamp();
            await wizard.Page.ShowAsync();
            await wizard.Page.WaitForFunctionAsync(
                "() => !document.documentElement.dataset.circuit && !!document.querySelector('[data-circuit-pausable]') && !!document.querySelector('main[data-interactive]')",
                null, new PageWaitForFunctionOptions { PollingInterval = 10 });
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"K = {wizards.Count} hidden: managed heap per paused page {(heap - baseline) / 1024.0 / wizards.Count:F0} KB (live heap {heap / 1024.0 / 1024:F1} MB), " +
            $"RSS per paused page {(resident - baselineResident) / 1024.0 / wizards.Count:F0} KB; shown again, back on a new circuit in p50 " +
            $"{AsyncHarness.Percentile([.. timings], 0.50):F0} ms, p95 {AsyncHarness.Percentile([.. timings], 0.95):F0} ms, max {timings[^1]:F0} ms; load average {LoadAverage()}"));
    }

    /// <summary>A page answers its own question (no other page touches it, so its version is always current).</summary>
    private static async Task<double[]> InteractAsync(IReadOnlyList<Wizard> wizards)
    {
        var rounds = (InteractionSamples + wizards.Count - 1) / wizards.Count;
        var timings = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var wizard in wizards)
            {
                var code = wizard.Question.Code;
                var state = wizard.Page.GetByTestId($"save-state-{code}");
                var saves = int.Parse(await state.GetAttributeAsync("data-saves") ?? "0", CultureInfo.InvariantCulture);
                var first = wizard.Page.GetByTestId(wizard.Question.Choices[0]);
                var choice = await first.IsCheckedAsync() ? wizard.Page.GetByTestId(wizard.Question.Choices[1]) : first;

                var started = Stopwatch.GetTimestamp();
                await choice.CheckAsync();
                await wizard.Page.WaitForFunctionAsync(
                    "([code, before]) => { const e = document.querySelector(`[data-testid=\"save-state-${code}\"]`); return !!e && e.dataset.state === 'saved' && Number(e.dataset.saves) > before; }",
                    new object[] { code, saves },
                    new PageWaitForFunctionOptions { PollingInterval = 10 });
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        timings.Sort();
        return [.. timings];
    }

    private static async Task<string> SignInAsync(IBrowser browser, string baseUrl, (string Email, string Password) user)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        await BenchBrowser.SignInAsync(await context.NewPageAsync(), user.Email, user.Password);
        return await context.StorageStateAsync();
    }

    /// <summary>A context of its own (as another browser tab would have its own circuit), on the question's section.</summary>
    private static async Task<Wizard> OpenWizardAsync(IBrowser browser, string baseUrl, string signedIn, Guid assessment, Question question)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, StorageState = signedIn });
        context.SetDefaultTimeout(180_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/assessments/{assessment}?section={question.Section}");
        await page.Locator("main[data-interactive]").WaitForAsync();
        await page.GetByTestId($"save-state-{question.Code}").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return new Wizard(context, page, question);
    }

    /// <summary>A page other than the wizard (--page), to compare what its circuit holds; no interaction is timed.</summary>
    private static async Task<Wizard> OpenPageAsync(IBrowser browser, string baseUrl, string signedIn, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, StorageState = signedIn });
        context.SetDefaultTimeout(180_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("main[data-interactive]").WaitForAsync();
        return new Wizard(context, page, new Question("", "", []));
    }

    /// <summary>The default template's questions answered by a click (yes/no, maturity, one choice), with two answers each.</summary>
    private static List<Question> ClickableQuestions()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ip-risk-overseas-manufacturing.v1.json")));
        var questions = new List<Question>();
        foreach (var section in template.RootElement.GetProperty("sections").EnumerateArray())
        {
            var sectionCode = section.GetProperty("code").GetString()!;
            foreach (var question in section.GetProperty("questions").EnumerateArray())
            {
                var code = question.GetProperty("code").GetString()!;
                string[]? choices = question.GetProperty("type").GetString() switch
                {
                    "YesNo" => [$"answer-{code}-yes", $"answer-{code}-no"],
                    "Maturity" => [$"answer-{code}-level-1", $"answer-{code}-level-2"],
                    "SingleChoice" => question.GetProperty("options").EnumerateArray().Take(2)
                        .Select(o => $"answer-{code}-option-{o.GetProperty("code").GetString()}").ToArray(),
                    _ => null,
                };
                if (choices is not null)
                {
                    questions.Add(new Question(sectionCode, code, choices));
                }
            }
        }

        return questions;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private sealed record Question(string Section, string Code, string[] Choices);

    private sealed record Wizard(IBrowserContext Context, IPage Page, Question Question);
}
