using System.Text;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// The supplier takes part: the analyst invites a contact, who answers, uploads and submits in a browser of its own; the
/// analyst accepts one answer and asks about another; the contact replies and changes it; the analyst accepts; the risk
/// summary marks the answers the supplier gave.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SupplierPortalJourneyTests(E2EFixture fixture)
{
    private const string Contact = "Lan Nguyen";

    [Fact]
    public async Task AnalystInvites_SupplierAnswersAndIsAsked_AnalystAccepts_PdfMarksSupplierAnswers()
    {
        var assessmentId = await new DemoRecords(fixture.App).AssessmentAsync("Draft");
        var analyst = await fixture.NewPageAsync();
        await analyst.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await analyst.GotoAsync($"/assessments/{assessmentId}");
        await analyst.WaitForCircuitAsync();

        await analyst.GetByTestId("invite-open").ClickAsync();
        await analyst.GetByTestId("invite-name").FillAsync(Contact);
        await analyst.GetByTestId("invite-email").FillAsync("lan@supplier.example");
        await analyst.GetByTestId("invite-section-DS").CheckAsync();
        await analyst.GetByTestId("invite-deadline").FillDateAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14));
        await analyst.GetByTestId("invite").ClickAsync();
        var link = await analyst.GetByTestId("link-lan@supplier.example").InputValueAsync();
        Assert.Matches("/portal/[A-Za-z0-9_-]{43}$", link);
        await Assertions.Expect(analyst.GetByTestId("invitation-lan@supplier.example").GetByTestId("invitation-status")).ToHaveTextAsync("Waiting for answers");

        // The contact, in a browser of its own (no sign-in, a fresh context) on a phone.
        var supplier = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await supplier.GotoAsync(link);
        await supplier.WaitForURLAsync(url => url.EndsWith("/portal", StringComparison.Ordinal));
        await supplier.WaitForCircuitAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-intro")).ToContainTextAsync($"Hello {Contact}");
        await Assertions.Expect(supplier.GetByTestId("portal-section-DS")).ToBeVisibleAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-section-DD")).ToHaveCountAsync(0);
        await Assertions.Expect(supplier.Locator(".marker").Filter(new() { HasText = "Weight" })).ToHaveCountAsync(0);

        await supplier.GetByTestId("answer-DS-04-level-3").CheckAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-state-DS-04")).ToContainTextAsync("Saved at");
        await supplier.GetByTestId("answer-DS-05-level-1").CheckAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-state-DS-05")).ToContainTextAsync("Saved at");
        await supplier.GetByTestId("portal-upload-DS-04").SetInputFilesAsync(new FilePayload
        {
            Name = "access-review-policy.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        await Assertions.Expect(supplier.GetByTestId("portal-file-DS-04")).ToContainTextAsync("access-review-policy.pdf");
        await supplier.ScreenshotAsync("portal-390");
        await supplier.SetViewportSizeAsync(1440, 900);
        await supplier.ScreenshotAsync("portal-1440");
        await supplier.GetByTestId("portal-submit").ClickAsync();
        await supplier.ConfirmAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-submitted")).ToBeVisibleAsync();

        // The analyst accepts one answer and asks about the other.
        await analyst.GotoAsync($"/assessments/{assessmentId}?section=DS");
        await analyst.WaitForCircuitAsync();
        await Assertions.Expect(analyst.GetByTestId("given-by-DS-04")).ToContainTextAsync($"Given by {Contact} (supplier) — not counted until you accept it.");
        await analyst.GetByTestId("accept-DS-04").ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("given-by-DS-04")).ToContainTextAsync("accepted by");
        await analyst.GetByTestId("ask-DS-05").FillAsync("Level 1 seems low for a supplier with an ISO 27001 certificate: which systems are not covered?");
        await analyst.GetByTestId("send-question-DS-05").ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("thread-DS-05")).ToContainTextAsync("which systems are not covered?");

        // The contact answers the question and changes its answer, reopened for it.
        await supplier.ReloadAsync();
        await supplier.WaitForCircuitAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-thread-DS-05")).ToContainTextAsync("which systems are not covered?");
        await supplier.GetByTestId("portal-reply-DS-05").FillAsync("Only the legacy test lab; production is reviewed quarterly, so level 3.");
        await supplier.GetByTestId("portal-send-DS-05").ClickAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-thread-DS-05")).ToContainTextAsync("Only the legacy test lab");
        await Assertions.Expect(supplier.GetByTestId("portal-state-DS-05")).ToContainTextAsync("Reply sent."); // the reply's save is over
        await supplier.GetByTestId("answer-DS-05-level-3").CheckAsync();
        await Assertions.Expect(supplier.GetByTestId("portal-state-DS-05")).ToContainTextAsync("Saved at");
        await supplier.Context.CloseAsync();

        await analyst.ReloadAsync();
        await analyst.WaitForCircuitAsync();
        await Assertions.Expect(analyst.GetByTestId("thread-DS-05")).ToContainTextAsync("Only the legacy test lab");
        await analyst.GetByTestId("accept-DS-05").ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("given-by-DS-05")).ToContainTextAsync("accepted by");

        var download = await analyst.RunAndWaitForDownloadAsync(
            () => analyst.GetByTestId("download-risk-summary").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        var pdf = await PdfArtifacts.SaveAsync(download);
        var text = new StringBuilder();
        for (var number = 1; number <= pdf.Pages; number++)
        {
            text.Append(await pdf.TextOfPageAsync(number));
        }

        // The appendix marks both answers the contact gave (its cells wrap "(supplier)" onto the next line of the layout text).
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(text.ToString(), $"Given by {Contact}"));
        await analyst.Context.CloseAsync();
    }
}
