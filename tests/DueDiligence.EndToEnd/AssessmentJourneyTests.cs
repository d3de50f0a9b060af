using System.Text;
using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>The heart of the product in one journey: analyst → legal → executive, and the supplier's status follows.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class AssessmentJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task FullJourney_AnalystSubmits_LegalAddsConditionAndForwards_ExecutiveApprovesWithConditions_SupplierShowsIt()
    {
        var name = $"Nordic Mould Works {Guid.NewGuid():N}"[..32];

        // Analyst: registers the supplier, starts the assessment, answers every question, uploads a certificate, submits.
        var analyst = await fixture.NewPageAsync();
        await analyst.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        var supplierUrl = await analyst.CreateSupplierAsync(name, "SE", ("SE", "Gothenburg"), ("PL", "Gdańsk"));
        await analyst.GetByTestId("start-assessment-link").ClickAsync();
        await analyst.WaitForCircuitAsync();
        await analyst.GetByTestId("start-assessment").ClickAsync();
        await analyst.WaitForURLAsync(AssessmentUrl());
        var assessmentUrl = new Uri(analyst.Url).PathAndQuery;
        await analyst.WaitForCircuitAsync();

        var certificate = Path.Combine(Path.GetTempPath(), $"ISO27001-certificate-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(certificate, MinimalPdf());
        await DefaultTemplateAnswers.AnswerAllAsync(analyst, evidenceQuestion: "DS-06", evidenceFile: certificate);
        await Assertions.Expect(analyst.GetByTestId("score-completion")).ToHaveTextAsync("100 %");
        await analyst.ScreenshotAsync("journey-1-analyst-answered");
        await analyst.GetByTestId("submit-assessment").ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("current-status")).ToHaveTextAsync("Submitted");

        // Legal: takes it into review, rates the site country, adds a contract condition owned by the analyst, forwards it.
        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await legal.GotoAsync("/jurisdictions/PL");
        await legal.WaitForCircuitAsync();
        await legal.GetByTestId("rating-select").ChooseAsync("Moderate");
        await Assertions.Expect(legal.GetByTestId("rating-select")).ToHaveValueAsync("Moderate");
        await legal.GetByTestId("next-review").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(12)));
        await legal.GetByTestId("rationale").FillAsync("EU member; courts enforce IP, slowly. Moderate for firmware exposure.");
        await legal.GetByTestId("save-rating").ClickAsync();
        // The snackbar says "Rating saved." or why it was not: a refusal fails here with its words.
        await Assertions.Expect(legal.Locator(".mud-snackbar").First).ToContainTextAsync("Rating saved.");
        await Assertions.Expect(legal.GetByTestId("jurisdiction-j")).ToHaveTextAsync("40.0");

        await legal.GotoAsync(assessmentUrl);
        await legal.WaitForCircuitAsync();
        await legal.GetByTestId("take-into-review").ClickAsync();
        await Assertions.Expect(legal.GetByTestId("current-status")).ToHaveTextAsync("Legal review");
        await legal.GetByTestId("add-condition").ClickAsync();
        await legal.GetByTestId("condition-description").FillAsync("Sign our NDA addendum on firmware escrow before the first shipment.");
        await legal.GetByTestId("condition-owner").ChooseAsync("Ana Analyst — Procurement analyst, supplier's owner");
        await legal.GetByTestId("condition-due").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2)));
        await legal.GetByTestId("save-condition").ClickAsync();
        await Assertions.Expect(legal.GetByTestId("condition-list")).ToContainTextAsync("Sign our NDA addendum on firmware escrow");
        await Assertions.Expect(legal.GetByTestId("condition-list")).ToContainTextAsync("Owner: Ana Analyst");
        await legal.ScreenshotAsync("journey-2-legal-review");
        await legal.GetByTestId("forward-to-decision").ClickAsync();
        await legal.GetByTestId("legal-opinion").FillAsync("Acceptable once the escrow addendum is signed; no other legal obstacle.");
        await legal.GetByTestId("confirm-forward").ClickAsync();
        await Assertions.Expect(legal.GetByTestId("confirm-message")).ToContainTextAsync("The assessment goes to the executive");
        await legal.ConfirmAsync();
        await Assertions.Expect(legal.GetByTestId("current-status")).ToHaveTextAsync("Awaiting decision");

        // Executive: reads the one-screen decision view and approves with conditions.
        var executive = await fixture.NewPageAsync();
        await executive.SignInAsync("executive@demo.local", "Demo-Executive-2026");
        await executive.GotoAsync(assessmentUrl);
        await executive.WaitForCircuitAsync();
        await Assertions.Expect(executive.GetByTestId("decision-recommendation")).ToBeVisibleAsync();
        await Assertions.Expect(executive.GetByTestId("legal-opinion-text")).ToHaveTextAsync("Acceptable once the escrow addendum is signed; no other legal obstacle.");
        await executive.ScreenshotAsync("journey-3-executive-decision-view");
        await executive.GetByTestId("outcome-approve-with-conditions").CheckAsync();
        await executive.GetByTestId("decision-rationale").FillAsync("Strong controls; approve once the escrow addendum is signed.");
        await executive.GetByTestId("decide").ClickAsync();
        await Assertions.Expect(executive.GetByTestId("confirm-message")).ToContainTextAsync("The supplier becomes Approved with conditions");
        await executive.ConfirmAsync();
        await Assertions.Expect(executive.GetByTestId("decision-record")).ToContainTextAsync("Approved with conditions");
        await Assertions.Expect(executive.GetByTestId("current-status")).ToContainTextAsync("Approved with conditions");

        // The supplier now shows the new status, its tier and the reassessment date.
        await executive.GotoAsync(supplierUrl);
        await Assertions.Expect(executive.GetByTestId("supplier-status")).ToHaveTextAsync("Approved with conditions");
        await executive.ScreenshotAsync("journey-4-supplier-after-decision");

        // The analyst was told of each step, on a phone too: the bell counts, the page lists, a title leads to the assessment.
        var phone = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await phone.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await Assertions.Expect(phone.GetByTestId("notification-bell")).ToHaveAttributeAsync("aria-label", new Regex(@"^Notifications: \d+ unread$"));
        await phone.GetByTestId("notification-bell").ClickAsync();
        await phone.WaitForURLAsync("**/notifications");
        var decided = phone.GetByTestId("notification-open").Filter(new() { HasText = $"{name}: Approved with conditions" });
        await Assertions.Expect(decided).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("notification-open").Filter(new() { HasText = $"{name} is in legal review" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("notification-open").Filter(new() { HasText = $"A condition on {name} is yours" })).ToBeVisibleAsync();
        await phone.ScreenshotAsync("journey-5-analyst-notifications-phone");
        await decided.ClickAsync();
        await phone.WaitForURLAsync($"**{assessmentUrl}");

        File.Delete(certificate);
        foreach (var page in new[] { analyst, legal, executive, phone })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A one-page PDF, enough for the evidence store's content check.</summary>
    private static byte[] MinimalPdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [GeneratedRegex(@"/assessments/[0-9a-fA-F-]{36}$")]
    private static partial Regex AssessmentUrl();
}
