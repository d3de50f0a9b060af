using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

[Collection(E2ECollection.Name)]
public sealed class AgreementsJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task LegalRecordsAnNnnWithoutAToolingClause_AddsTheSuggestedCondition_AndAnEarlySensitivity5ReleaseIsFlagged()
    {
        var title = $"NNN {Guid.NewGuid():N}"[..12];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var supplierId = await new DemoRecords(fixture.App).SupplierAsync("Waferlink Semiconductor Corp.");

        var legal = await fixture.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await legal.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await legal.GotoAsync($"/suppliers/{supplierId}");
        await legal.WaitForCircuitAsync();
        await legal.GetByRole(AriaRole.Tab, new() { Name = "Agreements" }).ClickAsync();

        // Legal records an NNN signed five days ago, arbitration seated in Singapore.
        await legal.GetByTestId("add-agreement").ClickAsync();
        await legal.GetByTestId("agreement-kind").ChooseAsync("NNN");
        await legal.GetByTestId("agreement-title").FillAsync(title);
        await legal.GetByTestId("agreement-our-entity").FillAsync("Meridian Instruments GmbH");
        await legal.GetByTestId("agreement-contracting-entity").FillAsync("Waferlink Semiconductor Corp.");
        await legal.GetByTestId("agreement-contracting-country").PickCountryAsync("TW");
        await legal.GetByTestId("agreement-signed-on").FillDateAsync(today.AddDays(-5));
        await legal.GetByTestId("agreement-forum").ChooseAsync("Arbitration");
        await legal.GetByTestId("agreement-forum-country").PickCountryAsync("SG");
        await legal.GetByTestId("agreement-save").ClickAsync();

        // Its checklist: the tooling clause is missing → a suggested condition, added to the assessment in review in one click.
        var card = legal.GetByTestId("agreement-card").Filter(new() { HasText = title });
        await Assertions.Expect(card.GetByTestId("enforceability-flag")).ToContainTextAsync("Taiwan");
        await card.GetByTestId("clause-record-tooling-ownership-and-return").GetByTestId("clause-missing").ClickAsync();
        await Assertions.Expect(card.GetByTestId("clause-standing-tooling-ownership-and-return")).ToHaveTextAsync("Missing");
        var suggestion = card.GetByTestId("suggested-condition");
        await Assertions.Expect(suggestion).ToContainTextAsync("Tooling ownership and return");
        await legal.ScreenshotAsync("agreements-tab-1440");
        await suggestion.GetByTestId("add-suggested-condition").ClickAsync();
        await Assertions.Expect(suggestion.GetByTestId("suggestion-added")).ToHaveTextAsync("On the assessment");

        // A sensitivity-5 release ten days ago, under the NNN signed five days ago, is flagged.
        await legal.GetByRole(AriaRole.Tab, new() { Name = "Releases" }).ClickAsync();
        await legal.GetByTestId("add-release").ClickAsync();
        await legal.GetByTestId("release-file-name").FillAsync($"{title} layout.gds");
        await legal.GetByTestId("release-sha256").FillAsync(new string('e', 64));
        await legal.GetByTestId("release-sensitivity").ChooseAsync("5 of 5 (crown jewels)");
        await legal.GetByTestId("release-released-on").FillDateAsync(today.AddDays(-10));
        await legal.GetByTestId("release-approver").ChooseAsync("Lee Legal");
        await legal.GetByTestId("release-agreement").ChooseAsync(title);
        await legal.GetByTestId("release-save").ClickAsync();
        var row = legal.GetByTestId("release-table").Locator("tr").Filter(new() { HasText = $"{title} layout.gds" });
        await Assertions.Expect(row.GetByTestId("release-flag").First).ToContainTextAsync($"before “{title}” was signed on {today.AddDays(-5):yyyy-MM-dd}");
        await legal.ScreenshotAsync("releases-tab-1440");

        // The same tabs on a phone.
        var phone = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await phone.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await phone.GotoAsync($"/suppliers/{supplierId}");
        await phone.WaitForCircuitAsync();
        await phone.GetByRole(AriaRole.Tab, new() { Name = "Agreements" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("agreement-card").First).ToBeVisibleAsync();
        await phone.ScreenshotAsync("agreements-tab-390");
        await phone.GetByRole(AriaRole.Tab, new() { Name = "Releases" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("release-table")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("releases-tab-390");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page overflows a 390 px screen.");

        await legal.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task AdministratorChangesAClauseOfTheLibrary_AndItIsSaved()
    {
        var admin = await fixture.NewPageAsync(new ViewportSize { Width = 1440, Height = 900 });
        await admin.SignInAsync("admin@demo.local", "Demo-Admin-2026");
        await admin.GotoAsync("/admin/clauses");
        await admin.WaitForCircuitAsync();

        var rows = admin.GetByTestId("clause-library").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(11);
        await rows.Nth(0).GetByTestId("clause-purpose").FillAsync("The supplier keeps our information secret, also after the agreement ends.");
        await rows.Nth(0).GetByTestId("clause-save").ClickAsync();
        await Assertions.Expect(admin.GetByText("“Confidentiality” saved.")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("clause-library-1440");

        await admin.ReloadAsync();
        await admin.WaitForCircuitAsync();
        await Assertions.Expect(admin.GetByTestId("clause-library").Locator("tbody tr").Nth(0).GetByTestId("clause-purpose")).ToHaveValueAsync("The supplier keeps our information secret, also after the agreement ends.");
        await admin.Context.CloseAsync();
    }
}
