using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// After the decision: an approved supplier's site country is re-rated Severe, the supplier shows on the Changed since
/// decision queue with the change explained, the reassessment carries the answers forward, shows what changed, is decided
/// again by two executives, and the supplier's trend has both assessments.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class AfterTheDecisionJourneyTests(E2EFixture fixture)
{
    // Countries no other journey or demo supplier uses: re-rating the site country touches this supplier only.
    private const string Hq = "NO";
    private const string Site = "ID";

    [Fact]
    public async Task ApprovedSupplier_SiteCountryRatedSevere_QueueExplains_ReassessmentCarriesForward_TwoExecutivesDecide_TrendHasTwoPoints()
    {
        var name = $"Fjord Tooling {Guid.NewGuid():N}"[..28];

        // Legal has rated the site country Low; Norway has no reference data and counts as J 50 (I 75). With controls weak in
        // half the sections (C about 28) the supplier is High and one executive decides; at Severe (I 95) it is Critical.
        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await RateAsync(legal, "Low", "Courts enforce licence terms; IP cases are heard within a year.");
        await Assertions.Expect(legal.GetByTestId("jurisdiction-j")).ToHaveTextAsync("15.0");

        // Analyst: registers the supplier and runs its first assessment to submission.
        var analyst = await fixture.NewPageAsync();
        await analyst.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        var supplierUrl = await analyst.CreateSupplierAsync(name, Hq, (Hq, "Bergen"), (Site, "Batam"));
        await analyst.GetByTestId("start-assessment-link").ClickAsync();
        await analyst.WaitForCircuitAsync();
        await analyst.GetByTestId("start-assessment").ClickAsync();
        await analyst.WaitForURLAsync(AssessmentUrl());
        var firstUrl = new Uri(analyst.Url).PathAndQuery;
        await analyst.WaitForCircuitAsync();
        await DefaultTemplateAnswers.AnswerAllAsync(analyst, evidenceQuestion: null, evidenceFile: null, weakSections: ["IP", "DS", "SC", "PE"]);
        await Assertions.Expect(analyst.GetByTestId("score-completion")).ToHaveTextAsync("100 %");
        await analyst.GetByTestId("submit-assessment").ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("current-status")).ToHaveTextAsync("Submitted");

        // Legal forwards it; the executive(s) the tier asks for approve it.
        await ForwardAsync(legal, firstUrl, "No legal obstacle at today's ratings.");
        var executive = await fixture.NewPageAsync();
        await executive.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        var executive2 = await fixture.NewPageAsync();
        await executive2.SignInAsync("executive2@demo.local", "Demo-Executive2-2026");
        await DecideAsync([executive], firstUrl, "Strong controls in both countries.");
        await analyst.GotoAsync(supplierUrl);
        await Assertions.Expect(analyst.GetByTestId("supplier-status")).ToHaveTextAsync("Approved");

        // Legal re-rates the site country Severe.
        await RateAsync(legal, "Severe", "Recent rulings leave trade secrets without remedy; Severe for firmware exposure.");
        await Assertions.Expect(legal.GetByTestId("jurisdiction-j")).ToHaveTextAsync("90.0");

        // The queue lists the supplier with what changed, when and by whom, and its worse tier now.
        await analyst.GotoAsync("/changed-since-decision");
        await analyst.WaitForPageReadyAsync();
        var row = analyst.Locator("tr").Filter(new() { Has = analyst.GetByTestId("changed-row").Filter(new() { HasText = name }) });
        await Assertions.Expect(row.GetByTestId("changes")).ToContainTextAsync("Indonesia re-rated Low → Severe");
        await Assertions.Expect(row.GetByTestId("changes")).ToContainTextAsync("Lee Legal");
        await Assertions.Expect(row.GetByTestId("live-tier")).ToContainTextAsync("Critical");
        await analyst.ScreenshotAsync("after-decision-1-changed-since-decision");

        // The analyst starts the reassessment from the queue: the answers came over, each section waits for confirmation.
        await row.GetByTestId("start-reassessment").ClickAsync();
        await analyst.WaitForURLAsync(url => AssessmentUrl().IsMatch(url) && !url.EndsWith(firstUrl, StringComparison.Ordinal));
        var secondUrl = new Uri(analyst.Url).PathAndQuery;
        await analyst.WaitForCircuitAsync();
        await Assertions.Expect(analyst.GetByTestId("carry-forward")).ToContainTextAsync("carried forward from the");
        await Assertions.Expect(analyst.GetByTestId("carry-forward")).ToHaveCSSAsync("padding-left", "16px");
        await Assertions.Expect(analyst.GetByTestId("carried-unconfirmed")).ToBeVisibleAsync();
        await Assertions.Expect(analyst.GetByTestId("score-completion")).ToHaveTextAsync("100 %");
        await analyst.ScreenshotAsync("after-decision-2-carried-forward");

        // One answer is no longer true; every section is confirmed still accurate.
        await analyst.GetByTestId("step-DD").ClickAsync();
        var saves = await DefaultTemplateAnswers.SavesAsync(analyst, "DD-08");
        await analyst.GetByTestId("answer-DD-08-text").FillAsync("Moved the tool shop from Bergen to Stavanger in the spring.");
        await analyst.GetByTestId("answer-DD-08-text").BlurAsync();
        await DefaultTemplateAnswers.WaitSavedAsync(analyst, "DD-08", saves);
        foreach (var section in new[] { "DD", "CT", "IP", "LL", "DS", "SC", "PE", "MA" })
        {
            await analyst.GetByTestId($"step-{section}").ClickAsync();
            await Assertions.Expect(analyst.GetByTestId($"section-{section}")).ToBeVisibleAsync();
            await analyst.GetByTestId("confirm-section").ClickAsync();
            await Assertions.Expect(analyst.GetByTestId("carried-confirmed")).ToContainTextAsync("confirmed still accurate by");
        }

        await analyst.ScreenshotAsync("after-decision-3-sections-confirmed");
        await analyst.ReloadAsync();
        await analyst.WaitForCircuitAsync();
        await Assertions.Expect(analyst.GetByTestId("carry-forward")).ToContainTextAsync("every carried section is confirmed");

        // The comparison shows the worse tier and the changed answer.
        await analyst.GetByTestId("changes-link").ClickAsync();
        await analyst.WaitForURLAsync($"**{secondUrl}/changes");
        await analyst.WaitForPageReadyAsync();
        await Assertions.Expect(analyst.GetByTestId("change-tier")).ToContainTextAsync(new Regex("High.*Critical", RegexOptions.Singleline));
        await Assertions.Expect(analyst.GetByTestId("changes-answers")).ToContainTextAsync("Moved the tool shop from Bergen to Stavanger");
        await analyst.ScreenshotAsync("after-decision-4-what-changed");

        await analyst.GotoAsync(secondUrl);
        await analyst.WaitForCircuitAsync();
        await analyst.GetByTestId("submit-assessment").ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("current-status")).ToHaveTextAsync("Submitted");

        // Legal forwards again; at tier Critical the decision takes two executives.
        await ForwardAsync(legal, secondUrl, "Severe rating of the site country; approve only with the escrow in place.");
        await executive.GotoAsync(secondUrl);
        await executive.WaitForCircuitAsync();
        await DecideAsync([executive, executive2], secondUrl, "Firmware stays with us; the site only assembles.");
        await executive2.ScreenshotAsync("after-decision-6-second-decision");

        // The supplier's trend has both assessments.
        await analyst.GotoAsync(supplierUrl);
        await analyst.WaitForCircuitAsync();
        await analyst.GetByRole(AriaRole.Tab, new() { Name = "Trend" }).ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("trend-point")).ToHaveCountAsync(2);
        await analyst.ScreenshotAsync("after-decision-7-trend");

        foreach (var page in new[] { analyst, legal, executive, executive2 })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Legal rates the site country on its jurisdiction page.</summary>
    private static async Task RateAsync(IPage legal, string rating, string rationale)
    {
        await legal.GotoAsync($"/jurisdictions/{Site}");
        await legal.WaitForCircuitAsync();
        await legal.GetByTestId("rating-select").ChooseAsync(rating);
        await legal.GetByTestId("next-review").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)));
        await legal.GetByTestId("rationale").FillAsync(rationale);
        await legal.GetByTestId("save-rating").ClickAsync();
    }

    /// <summary>Legal takes the submitted assessment into review and forwards it to the executives with an opinion.</summary>
    private static async Task ForwardAsync(IPage legal, string assessmentUrl, string opinion)
    {
        await legal.GotoAsync(assessmentUrl);
        await legal.WaitForCircuitAsync();
        await legal.GetByTestId("take-into-review").ClickAsync();
        await Assertions.Expect(legal.GetByTestId("current-status")).ToHaveTextAsync("Legal review");
        await legal.GetByTestId("forward-to-decision").ClickAsync();
        await legal.GetByTestId("legal-opinion").FillAsync(opinion);
        await legal.GetByTestId("confirm-forward").ClickAsync();
        await legal.ConfirmAsync();
        await Assertions.Expect(legal.GetByTestId("current-status")).ToHaveTextAsync("Awaiting decision");
    }

    /// <summary>Each executive in turn approves; the tier's approval rule asks for as many approvals as there are executives.</summary>
    private static async Task DecideAsync(IPage[] executives, string assessmentUrl, string rationale)
    {
        for (var i = 0; i < executives.Length; i++)
        {
            var executive = executives[i];
            var last = i == executives.Length - 1;
            await executive.GotoAsync(assessmentUrl);
            await executive.WaitForCircuitAsync();
            await executive.GetByTestId("outcome-approve").CheckAsync();
            await executive.GetByTestId("decision-rationale").FillAsync(rationale);
            await executive.GetByTestId("decision-justification").FillAsync("Exposure limited to assembly; escrow agreed.");

            var decide = executive.GetByTestId("decide");
            await Assertions.Expect(decide).ToHaveTextAsync(last ? "Record decision" : $"Record approval ({i + 1} of {executives.Length})");
            if (!last)
            {
                await executive.ScreenshotAsync("after-decision-5-first-of-two-approvals");
            }

            await decide.ClickAsync();
            await executive.ConfirmAsync();
            if (!last)
            {
                await Assertions.Expect(executive.GetByTestId("approval-count")).ToHaveTextAsync($"{i + 1} of {executives.Length} approvals");
            }
        }

        await Assertions.Expect(executives[^1].GetByTestId("current-status")).ToHaveTextAsync("Decided: Approved");
    }

    [GeneratedRegex(@"/assessments/[0-9a-fA-F-]{36}$")]
    private static partial Regex AssessmentUrl();
}
