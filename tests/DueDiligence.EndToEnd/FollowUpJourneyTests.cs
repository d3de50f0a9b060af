using System.Text;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd;

/// <summary>
/// Legal follows up a finding of a decided assessment in the browser: a file that is not what its name says is refused
/// with the reason and nothing changes; a real PDF resolves the finding, and the history says who did what.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class FollowUpJourneyTests(E2EFixture fixture)
{
    private const string Supplier = "Brightpath Precision Moulding Co., Ltd.";

    [Fact]
    public async Task LegalResolvesAFindingWithEvidence_AfterARenamedExecutableIsRefused()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("legal@demo.local", "Demo-Legal-2026");
        await page.GotoAsync("/assessments?queue=Decided");
        await page.GetByTestId("assessment-link").Filter(new() { HasText = Supplier }).ClickAsync();
        await page.WaitForCircuitAsync();
        var finding = page.Locator("[data-testid^='follow-up-complete-']").Filter(new() { HasText = "Resolve" }).First;
        var id = (await finding.GetAttributeAsync("data-testid"))!["follow-up-complete-".Length..];

        await finding.ClickAsync();
        await page.GetByTestId($"follow-up-file-{id}").SetInputFilesAsync(new FilePayload
        {
            Name = "audit-report.pdf",
            MimeType = "application/pdf",
            Buffer = [(byte)'M', (byte)'Z', .. new byte[200]],
        });
        await page.GetByTestId($"follow-up-save-{id}").ClickAsync();

        await Assertions.Expect(page.GetByTestId($"follow-up-refusal-{id}")).ToContainTextAsync("“audit-report.pdf” is named .pdf but its content is not a PDF");
        await Assertions.Expect(page.GetByTestId($"follow-up-status-{id}")).ToHaveTextAsync("Open");

        await page.GetByTestId($"follow-up-file-{id}").SetInputFilesAsync(new FilePayload
        {
            Name = "audit-report.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        await page.GetByTestId($"follow-up-save-{id}").ClickAsync();

        await Assertions.Expect(page.GetByTestId($"follow-up-status-{id}")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(page.GetByTestId($"follow-up-history-{id}")).ToContainTextAsync("Attached audit-report.pdf — Lee Legal");
        await Assertions.Expect(page.GetByTestId($"follow-up-history-{id}")).ToContainTextAsync("Resolved — Lee Legal");
        await page.Context.CloseAsync();
    }
}
