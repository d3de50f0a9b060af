namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>Where the pages of the partner-selection PDF break: the report never ends on a nearly empty page.</summary>
public sealed class PartnerSelectionLayoutTests(PartnerSelectionLayoutFixture fixture) : IClassFixture<PartnerSelectionLayoutFixture>
{
    [Theory]
    [InlineData("demo")]
    [InlineData("two")]
    [InlineData("five")]
    [InlineData("demo-decided")]
    public async Task Report_WhenPrinted_DoesNotEndOnANearlyEmptyPage(string project)
    {
        var pdf = fixture.Pdfs[project];
        var pages = await pdf.PageCountAsync();

        var fill = await pdf.PageFillAsync(pages);

        // The closing block takes what precedes it along to a new page: at least a third of the last page is report.
        Assert.True(fill >= 1.0 / 3, $"The last of {pages} pages of the {project} project's report is filled to {fill:P0}.");
    }

    [Fact]
    public async Task Report_OfTheDemoProject_TakesTwoPages_AndThePartitioningPlannerAThird()
    {
        var pdf = fixture.Pdfs["demo"];

        Assert.Equal(3, await pdf.PageCountAsync());
        Assert.Contains("How this comparison is made", await pdf.PageTextAsync(2), StringComparison.Ordinal);
        Assert.Contains("Partitioning: who would see how much of the design", await pdf.PageTextAsync(3), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("demo-decided")]
    [InlineData("five")]
    public async Task Report_WhenPrinted_FillsTheFirstPageBeforeTheComparisonContinues(string project)
    {
        var pdf = fixture.Pdfs[project];

        var fill = await pdf.PageFillAsync(1);

        // The comparison starts on the first page and continues on the next, rather than leaving the first half empty.
        Assert.True(fill >= 0.85, $"The first page of the {project} project's report is filled to {fill:P0}.");
        Assert.Contains("R residual risk", await pdf.PageTextAsync(1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("two")]
    [InlineData("five")]
    public async Task Report_WhenPrinted_HasNoDocumentReferencesOrCodeNames(string project)
    {
        var text = await fixture.Pdfs[project].TextAsync();

        Assert.DoesNotContain("SCORING.md", text, StringComparison.Ordinal);
        Assert.DoesNotContain("§", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text);
        Assert.DoesNotContain("NotAssessed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AwaitingDecision", text, StringComparison.Ordinal);
    }
}
