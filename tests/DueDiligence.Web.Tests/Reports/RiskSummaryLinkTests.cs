using DueDiligence.Web.Features.Assessments.RiskSummary;
using DueDiligence.Web.Infrastructure.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>The download link the assessment page shows; clicking it is covered by the end-to-end test.</summary>
[Collection(ReportCollection.Name)]
public sealed class RiskSummaryLinkTests(ReportFixture fixture)
{
    [Fact]
    public async Task RiskSummaryLink_Always_LetsTheBrowserFetchTheReportItself()
    {
        var id = Guid.Parse("01a2093c-769a-7f95-8105-215d141a6932");

        var html = await fixture.App.Services.GetRequiredService<PdfRenderer>().RenderComponentHtmlAsync<RiskSummaryLink>(
            new Dictionary<string, object?> { [nameof(RiskSummaryLink.AssessmentId)] = id }, CancellationToken.None);

        Assert.Contains($"href=\"/assessments/{id}/report.pdf\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"download-risk-summary\"", html, StringComparison.Ordinal);
        // Outside Blazor's router (target), and not a download attribute, which would hide a 503 page.
        Assert.Contains("target=\"_top\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" download", html, StringComparison.Ordinal);
    }
}
