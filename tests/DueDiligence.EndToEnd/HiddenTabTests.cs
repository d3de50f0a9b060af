using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// A wizard, the supplier register, a supplier's page, the review of an assessment, a supplier's portal page or the users
/// page left in a hidden tab gives its circuit back to the server and is back, on a new one, when the tab is shown again; work that only
/// the page holds keeps the circuit (wwwroot/app.js, docs/adr/0011).
/// The shared app pauses after one second.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class HiddenTabTests(E2EFixture fixture)
{
    [Fact]
    public async Task Wizard_InAHiddenTab_PausesItsCircuit_AndWhenShownAgainIsBackWithItsAnswersAndTheFocus()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.StartAssessmentOfNewSupplierAsync($"Narva Lenses {Guid.NewGuid():N}"[..27]);
        var saves = await DefaultTemplateAnswers.SavesAsync(page, "DD-01");
        await page.GetByTestId("comment-DD-01").FillAsync("Checked the trade register.");
        await page.GetByTestId("comment-DD-01").BlurAsync();
        await DefaultTemplateAnswers.WaitSavedAsync(page, "DD-01", saves);
        await page.GetByTestId("comment-DD-01").FocusAsync();

        await page.HideAsync();
        await Assertions.Expect(page.Locator("html[data-circuit=paused]")).ToHaveCountAsync(1);

        await page.ShowAsync();
        await Assertions.Expect(page.Locator("html[data-circuit]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-circuit-pausable]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("comment-DD-01")).ToHaveValueAsync("Checked the trade register.");
        await Assertions.Expect(page.GetByTestId("comment-DD-01")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();

        // The new circuit saves as the old one did.
        saves = await DefaultTemplateAnswers.SavesAsync(page, "DD-02");
        await page.GetByTestId("answer-DD-02-option-AUDITED_STABLE").CheckAsync();
        await DefaultTemplateAnswers.WaitSavedAsync(page, "DD-02", saves);
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("answer-DD-02-option-AUDITED_STABLE")).ToBeCheckedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wizard_InAHiddenTab_KeepsItsCircuitWhileAnInvitationIsBeingWritten_AndPausesOnceItIsCleared()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.StartAssessmentOfNewSupplierAsync($"Tartu Moulds {Guid.NewGuid():N}"[..27]);
        await page.GetByTestId("invite-open").ClickAsync();
        await page.GetByTestId("invite-email").FillAsync("lan@supplier.example");

        await KeptThenPausedThenBackAsync(page, page.GetByTestId("invite-email"), "lan@supplier.example", () => page.GetByTestId("invite-email").FillAsync(""));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SupplierRegister_InAHiddenTab_PausesItsCircuit_AndWhenShownAgainShowsTheSameRowsWhereTheyWere()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 400);
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        // Sorted by the address, not by two clicks on the column: two quick clicks can make the grid load a third time
        // (the rows go and come back), and the rows read in between would be none.
        await page.GotoAsync("/suppliers?sort=-tier");
        await page.WaitForPageReadyAsync();
        await Assertions.Expect(page.GetByTestId("supplier-link")).Not.ToHaveCountAsync(0);
        var rows = await page.GetByTestId("supplier-link").AllTextContentsAsync();
        await page.EvaluateAsync("window.scrollTo(0, 300)");

        await page.HideAsync();
        await Assertions.Expect(page.Locator("html[data-circuit=paused]")).ToHaveCountAsync(1);

        await page.ShowAsync();
        await Assertions.Expect(page.Locator("html[data-circuit]")).ToHaveCountAsync(0);
        Assert.Equal(rows, await page.GetByTestId("supplier-link").AllTextContentsAsync());
        Assert.EndsWith("/suppliers?sort=-tier", page.Url, StringComparison.Ordinal);
        Assert.Equal(300, await page.EvaluateAsync<int>("Math.round(window.scrollY)"));

        // The new circuit answers: a filter applies, and keeps the order.
        await page.GetByTestId("status-filter").ChooseAsync("Approved");
        await page.WaitForURLAsync(url => url.EndsWith("/suppliers?status=Approved&sort=-tier", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("row-status")).Not.ToHaveCountAsync(rows.Count);
        await Assertions.Expect(page.GetByTestId("row-status").First).ToHaveTextAsync("Approved");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SupplierPage_InAHiddenTab_KeepsItsCircuitWhileAnAgreementFormIsOpen_ThenPauses_AndIsBackOnTheSameTab()
    {
        var supplier = await new DemoRecords(fixture.App).SupplierAsync("Brightpath Precision Moulding Co., Ltd.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await page.GotoAsync($"/suppliers/{supplier}?tab=agreements");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("add-agreement").ClickAsync();
        await page.GetByTestId("agreement-title").FillAsync("Mould tooling NDA");

        await KeptThenPausedThenBackAsync(page, page.GetByTestId("agreement-title"), "Mould tooling NDA",
            () => page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Agreements" })).ToHaveAttributeAsync("aria-selected", "true");
        Assert.EndsWith("?tab=agreements", page.Url, StringComparison.Ordinal);

        // The new circuit answers.
        await page.GetByTestId("add-agreement").ClickAsync();
        await Assertions.Expect(page.GetByTestId("agreement-title")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Review_InAHiddenTab_KeepsItsCircuitWhileLegalsOpinionIsBeingWritten_ThenPauses_AndIsBackOnTheSameTab()
    {
        var assessment = await new DemoRecords(fixture.App).AssessmentAsync("LegalReview");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await page.GotoAsync($"/assessments/{assessment}?tab=evidence");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-circuit-pausable]")).ToHaveCountAsync(1);
        await page.GetByTestId("forward-to-decision").ClickAsync();
        await page.GetByTestId("legal-opinion").FillAsync("Acceptable with the tooling clause added.");

        await KeptThenPausedThenBackAsync(page, page.GetByTestId("legal-opinion"), "Acceptable with the tooling clause added.",
            () => page.GetByTestId("forward-form").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Evidence", Exact = false })).ToHaveAttributeAsync("aria-selected", "true");
        Assert.EndsWith("?tab=evidence", page.Url, StringComparison.Ordinal);

        // The new circuit answers.
        await page.GetByTestId("forward-to-decision").ClickAsync();
        await Assertions.Expect(page.GetByTestId("legal-opinion")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SupplierPortal_InAHiddenTab_PausesItsCircuit_AndWhenShownAgainStillSaves()
    {
        var analyst = await fixture.NewPageAsync();
        await analyst.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await analyst.StartAssessmentOfNewSupplierAsync($"Parnu Castings {Guid.NewGuid():N}"[..29]);
        await analyst.GetByTestId("invite-open").ClickAsync();
        await analyst.GetByTestId("invite-name").FillAsync("Kadri Tamm");
        await analyst.GetByTestId("invite-email").FillAsync("kadri@supplier.example");
        await analyst.GetByTestId("invite-section-DS").CheckAsync();
        await analyst.GetByTestId("invite-deadline").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14));
        await analyst.GetByTestId("invite").ClickAsync();
        var link = await analyst.GetByTestId("link-kadri@supplier.example").InputValueAsync();
        await analyst.Context.CloseAsync();

        var supplier = await fixture.NewPageAsync();
        await supplier.GotoAsync(link);
        await supplier.WaitForURLAsync(url => url.EndsWith("/portal", StringComparison.Ordinal));
        await supplier.WaitForCircuitAsync();
        await supplier.GetByTestId("answer-DS-04-level-3").CheckAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-state-DS-04")).ToContainTextAsync("Saved at");

        await supplier.HideAsync();
        await Assertions.Expect(supplier.Locator("html[data-circuit=paused]")).ToHaveCountAsync(1);
        await supplier.ShowAsync();
        await Assertions.Expect(supplier.Locator("html[data-circuit]")).ToHaveCountAsync(0);

        await Assertions.Expect(supplier.GetByTestId("answer-DS-04-level-3")).ToBeCheckedAsync();
        await supplier.GetByTestId("answer-DS-05-level-1").CheckAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-state-DS-05")).ToContainTextAsync("Saved at");
        await supplier.Context.CloseAsync();
    }

    [Fact]
    public async Task UsersPage_InAHiddenTab_KeepsItsCircuitWhileAnAccountIsBeingTyped_ThenPauses_AndIsBack()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin@demo.local", "Demo-Admin-2026");
        await page.GotoAsync("/admin/users");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("user-grid")).ToBeVisibleAsync();
        await page.GetByTestId("new-name").FillAsync("Mai Tran");

        // The form's antiforgery field (a hidden input) is not something typed: clearing the name lets the page pause.
        await KeptThenPausedThenBackAsync(page, page.GetByTestId("new-name"), "Mai Tran",
            () => page.GetByTestId("new-name").FillAsync(""));
        await Assertions.Expect(page.GetByTestId("user-grid")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Hidden, the page keeps its circuit while <paramref name="typed"/> holds <paramref name="text"/>; once
    /// <paramref name="release"/> leaves it nothing that only it holds, its next try (a second later) pauses it; shown
    /// again, it is back on a new circuit.
    /// </summary>
    private static async Task KeptThenPausedThenBackAsync(IPage page, ILocator typed, string text, Func<Task> release)
    {
        await page.HideAsync();
        await Assertions.Expect(page.Locator("html[data-circuit=kept]")).ToHaveCountAsync(1);
        await Assertions.Expect(typed).ToHaveValueAsync(text);

        await release();
        await Assertions.Expect(page.Locator("html[data-circuit=paused]")).ToHaveCountAsync(1);

        await page.ShowAsync();
        await Assertions.Expect(page.Locator("html[data-circuit]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-circuit-pausable]")).ToHaveCountAsync(1);
    }
}
