using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>The partner-selection PDF: who may download it, and what a reader finds in it.</summary>
public sealed partial class PartnerSelectionReportTests(PartnerSelectionFixture fixture) : IClassFixture<PartnerSelectionFixture>
{
    [Fact]
    public async Task Report_WhenPrinted_ShowsEachCandidatesRAndTierInRankingOrderAsTheComparisonDoes()
    {
        var lines = (await fixture.Pdf.TextAsync()).Split('\n');
        var kept = fixture.Candidates.ToDictionary(c => c.Name, c => c.Score);
        var columns = fixture.View.Comparison.Candidates.Select(c => kept[c.SupplierName]).ToList();

        // One column per candidate in ranking order: the R row and the Tier row read left to right, as the scores were kept.
        var r = Values(lines.Single(l => l.TrimStart().StartsWith("R residual risk", StringComparison.Ordinal)));
        Assert.Equal(columns.Select(score => score is null ? "—" : Display.Round1(score.ResidualRisk).ToString("0.0", CultureInfo.InvariantCulture)), r);
        var tiers = lines.Single(l => l.TrimStart().StartsWith("Tier ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(columns.Select(score => score?.Tier.ToString() ?? "—"), tiers);
        var text = Flatten(string.Join(' ', lines));
        Assert.All(fixture.Candidates, c => Assert.Contains(c.Name, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_WhenPrinted_LeadsWithTheChosenPartnerTheMemoAndTheRecommendation()
    {
        var firstPage = Flatten(await fixture.Pdf.PageTextAsync(1));

        Assert.Contains($"Chosen partner: {fixture.Candidates[0].Name}", firstPage, StringComparison.Ordinal);
        Assert.Contains(fixture.View.Project.DecisionMemo!, firstPage, StringComparison.Ordinal);
        Assert.Contains($"Recommended partner: {fixture.View.Comparison.Best!.SupplierName}", firstPage, StringComparison.Ordinal);
        Assert.Contains("CONFIDENTIAL — partner selection, internal use only", firstPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WhenPrinted_ListsTheExcludedCandidateWithItsKnockOut()
    {
        var text = Flatten(await fixture.Pdf.TextAsync());
        var excluded = Assert.Single(fixture.View.Comparison.Excluded);

        var section = text[text.IndexOf("Excluded candidates and their knock-outs", StringComparison.Ordinal)..];
        Assert.Contains($"{excluded.SupplierName} — excluded", section, StringComparison.Ordinal);
        Assert.Contains("CT-01", section, StringComparison.Ordinal);
        // The question wraps in its table cell, and pdftotext interleaves the cells' lines: its first words are on one line.
        Assert.Contains(string.Join(' ', excluded.KnockOuts[0].QuestionText.Split(' ').Take(4)), section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WhenPrinted_HasAFewA4PagesNumberedXOfY()
    {
        var pages = await fixture.Pdf.PageCountAsync();

        Assert.InRange(pages, 2, 6);
        Assert.Contains("Page size: 595.92 x 842.88 pts (A4)", Flatten(await fixture.Pdf.InfoAsync()), StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", Flatten(await fixture.Pdf.PageTextAsync(pages)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task Download_WhenAProjectReader_ReturnsThePdfAsAnAttachment(string role)
    {
        var user = DemoAccounts.ForRole(role);
        using var client = await fixture.App.SignInAsync(user.Email, user.Password);

        var response = await client.GetAsync(Url(fixture.ProjectId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"partner-selection-meter-housing-2027-{DateTime.UtcNow:yyyy-MM-dd}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_WhenAdministrator_IsServedBecauseAdministratorsReadProjectsToHandThemOver()
    {
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        using var client = await fixture.App.SignInAsync(admin.Email, admin.Password);

        var response = await client.GetAsync(Url(fixture.ProjectId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Download_WhenSignedOut_RedirectsToSignIn()
    {
        using var client = fixture.App.CreateBrowserLikeClient();

        var response = await client.GetAsync(Url(fixture.ProjectId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentitySetup.LoginPath, response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Download_OfAnUnknownProject_ReturnsNotFound()
    {
        var executive = DemoAccounts.ForRole(AppRoles.Executive);
        using var client = await fixture.App.SignInAsync(executive.Email, executive.Password);

        var response = await client.GetAsync(Url(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The figures of one table row as printed: "27.5", or "—" for a candidate without one.</summary>
    private static List<string> Values(string line) => Figure().Matches(line).Select(m => m.Value).ToList();

    private static string Url(Guid projectId) => $"/sourcing/{projectId}/report.pdf";

    private static string Flatten(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\d+\.\d|—")]
    private static partial Regex Figure();
}
