using Bunit;
using DueDiligence.Web.Features.Assessments.RiskSummary;
using DueDiligence.Web.Tests.Ui;

namespace DueDiligence.Web.Tests.Reports;

/// <summary>The download link the assessment page shows; clicking it is covered by the end-to-end test.</summary>
public sealed class RiskSummaryLinkTests
{
    [Fact]
    public async Task RiskSummaryLink_Always_LetsTheBrowserFetchTheReportItself()
    {
        var id = Guid.Parse("01a2093c-769a-7f95-8105-215d141a6932");
        await using var context = ComponentContext.Create();

        var link = context.Render<RiskSummaryLink>(p => p.Add(l => l.AssessmentId, id)).Find("[data-testid=download-risk-summary]");

        Assert.Equal("a", link.TagName, ignoreCase: true);
        Assert.Equal($"/assessments/{id}/report.pdf", link.GetAttribute("href"));
        Assert.Equal("Download risk summary (PDF)", link.TextContent.Trim());
        // Outside Blazor's router (target), and not a download attribute, which would hide a 503 page.
        Assert.Equal("_top", link.GetAttribute("target"));
        Assert.False(link.HasAttribute("download"));
    }
}
