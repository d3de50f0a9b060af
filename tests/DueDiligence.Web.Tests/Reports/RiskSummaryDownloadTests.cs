using System.Net;

using DueDiligence.Web.Features.Assessments.RiskSummary;
using Microsoft.AspNetCore.Hosting;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>Who may download an assessment's risk summary over HTTP, and what the download looks like.</summary>
[Collection(ReportCollection.Name)]
public sealed class RiskSummaryDownloadTests(ReportFixture fixture)
{
    [Theory]
    [InlineData(ReportScenario.Analyst, "Demo-Analyst-2026")]
    [InlineData(ReportScenario.Legal, "Demo-Legal-2026")]
    [InlineData(ReportScenario.Executive, "Demo-Executive-2026")]
    public async Task DownloadRiskSummary_AsOwningAnalystLegalOrExecutive_ReturnsThePdfAsAnAttachment(string email, string password)
    {
        using var client = await fixture.App.SignInAsync(email, password);

        var response = await client.GetAsync(ReportUrl(fixture.Decided.AssessmentId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal(
            $"risk-summary-harbour-lights-precision-tooling-co-ltd-{DateTime.UtcNow:yyyy-MM-dd}.pdf",
            disposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..5]);
    }

    [Theory]
    [InlineData(ReportFixture.OtherAnalyst, ReportFixture.OtherAnalystPassword)]
    [InlineData("admin@demo.local", "Demo-Admin-2026")]
    public async Task DownloadRiskSummary_AsAnotherAnalystOrAdministrator_IsForbiddenWithTheNoAccessPage(string email, string password)
    {
        using var client = await fixture.App.SignInAsync(email, password);

        var response = await client.GetAsync(ReportUrl(fixture.Decided.AssessmentId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No access", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadRiskSummary_WhenSignedOut_RedirectsToSignIn()
    {
        using var client = fixture.App.CreateBrowserLikeClient();

        var response = await client.GetAsync(ReportUrl(fixture.Decided.AssessmentId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadRiskSummary_OfAnUnknownAssessment_ReturnsNotFound()
    {
        using var client = await fixture.App.SignInAsync(ReportScenario.Executive, "Demo-Executive-2026");

        var response = await client.GetAsync(ReportUrl(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DownloadRiskSummary_WhenChromiumIsMissing_Returns503WithWhatToDo()
    {
        // The same database, served by an app whose PDF service points at a Chromium that is not there.
        await using var withoutChromium = fixture.App.WithWebHostBuilder(b => b.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium"));
        using var client = withoutChromium.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await Infrastructure.SignInForm.PostAsync(client, ReportScenario.Executive, "Demo-Executive-2026");

        var response = await client.GetAsync(ReportUrl(fixture.Decided.AssessmentId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The risk summary could not be produced", page, StringComparison.Ordinal);
        Assert.Contains("Install the Debian package chromium", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{fixture.Decided.AssessmentId}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Brightpath Precision Moulding Co., Ltd.", "risk-summary-brightpath-precision-moulding-co-ltd-2026-11-23.pdf")]
    [InlineData("Anatolia Technical Textiles A.Ş.", "risk-summary-anatolia-technical-textiles-a-s-2026-11-23.pdf")]
    [InlineData("深圳精密", "risk-summary-supplier-2026-11-23.pdf")]
    public void FileName_OfAnySupplierName_IsAnAsciiSlugWithTheDate(string supplier, string expected)
    {
        var generated = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(expected, DownloadRiskSummary.FileName(supplier, generated));
    }

    private static string ReportUrl(Guid id) => $"/assessments/{id}/report.pdf";
}
