using System.Globalization;
using System.Text.RegularExpressions;

using DueDiligence.Web.Components.Shared.Report;
using DueDiligence.Web.Infrastructure.Pdf;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Pdf;

/// <summary>The HTML step of the PDF service: no browser is started.</summary>
public sealed partial class ReportComponentTests : IAsyncLifetime
{
    private readonly ServiceProvider _services = PdfServices.Create();

    private PdfRenderer Renderer => _services.GetRequiredService<PdfRenderer>();

    [Fact]
    public async Task ReportPage_Always_CarriesThePrintRules()
    {
        var html = await Renderer.RenderComponentHtmlAsync<SampleReport>(PdfServices.SampleParameters(rowCount: 2), CancellationToken.None);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{PdfServices.Info.Title}</title>", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4; }", html, StringComparison.Ordinal);
        Assert.Contains("font-family: \"DejaVu Sans\", \"Liberation Sans\", sans-serif; font-size: 10pt;", html, StringComparison.Ordinal);
        Assert.Contains("thead { display: table-header-group; }", html, StringComparison.Ordinal);
        Assert.Contains("tr, .keep-together, figure, svg { break-inside: avoid; page-break-inside: avoid; }", html, StringComparison.Ordinal);
        Assert.Contains(".page-break { break-before: page;", html, StringComparison.Ordinal);
        Assert.Contains("h1, h2, h3, h4 { break-after: avoid;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_WithAWatermark_PrintsItFaintlyAcrossEveryPage()
    {
        var parameters = PdfServices.SampleParameters(rowCount: 2);
        parameters[nameof(SampleReport.Watermark)] = "DRAFT";

        var html = await Renderer.RenderComponentHtmlAsync<SampleReport>(parameters, CancellationToken.None);

        Assert.Contains("<div class=\"watermark\" aria-hidden=\"true\" data-testid=\"watermark\">DRAFT</div>", html, StringComparison.Ordinal);
        // Chromium repeats a fixed-position element on every printed page; the text stays readable through it.
        Assert.Matches(@"\.watermark \{\s*position: fixed;[^}]*rotate\(-35deg\)[^}]*pointer-events: none;[^}]*color: rgba\(185, 28, 28, 0\.13\);", html);
    }

    [Fact]
    public async Task ReportPage_WithoutAWatermark_PrintsNone()
    {
        var html = await Renderer.RenderComponentHtmlAsync<SampleReport>(PdfServices.SampleParameters(rowCount: 2), CancellationToken.None);

        Assert.DoesNotContain("class=\"watermark\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BarChart_WithValues_LabelsThemWithOneDecimalRoundedAwayFromZero()
    {
        var html = await RenderChartAsync([new("a", 12.25), new("b", 48.15), new("c", 87.35), new("d", 100), new("e", 0)]);

        Assert.Equal(["12.3", "48.2", "87.4", "100.0", "0.0"], ValueLabels(html));
    }

    [Fact]
    public async Task BarChart_WhenValueIsMissing_DrawsAnEmptyTrackLabelledNa()
    {
        var html = await RenderChartAsync([new("Scored", 40), new("Not scored", null)]);

        Assert.Equal(["40.0", "n/a"], ValueLabels(html));
        Assert.Single(Regex.Matches(html, "class=\"value\""));
        Assert.Single(Regex.Matches(html, "class=\"no-value\"[^>]*fill=\"none\""));
    }

    [Fact]
    public async Task BarChart_Always_DrawsAxisTicksFrom0To100()
    {
        var html = await RenderChartAsync([new("a", 50)]);

        var ticks = Regex.Matches(html, "<g class=\"tick\">.*?<text[^>]*>([^<]*)</text>", RegexOptions.Singleline).Select(m => m.Groups[1].Value);
        Assert.Equal(["0", "25", "50", "75", "100"], ticks);
    }

    [Fact]
    public async Task BarChart_UnderACommaDecimalCulture_StillWritesDecimalPoints()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var html = await RenderChartAsync([new("a", 33.35)]);

            Assert.Equal(["33.4"], ValueLabels(html));
            Assert.DoesNotMatch("(x|y|width|height)=\"\\d+,\\d", html);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task RenderComponentHtmlAsync_EachRender_UsesAScopeOfItsOwn()
    {
        var first = await Renderer.RenderComponentHtmlAsync<ScopeProbe>(new Dictionary<string, object?>(), CancellationToken.None);
        var second = await Renderer.RenderComponentHtmlAsync<ScopeProbe>(new Dictionary<string, object?>(), CancellationToken.None);

        Assert.Matches("^[0-9a-f-]{36}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void HeaderAndFooter_EncodeTheirValues()
    {
        var info = PdfServices.Info with { Title = "R&D <Shenzhen>" };

        Assert.Contains("R&amp;D &lt;Shenzhen&gt;", PdfRenderer.HeaderTemplate(info), StringComparison.Ordinal);
        Assert.Contains("Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span> · Generated 2026-11-23 14:05 UTC", PdfRenderer.FooterTemplate(info), StringComparison.Ordinal);
    }

    private Task<string> RenderChartAsync(IReadOnlyList<BarChartItem> items) =>
        Renderer.RenderComponentHtmlAsync<BarChart>(
            new Dictionary<string, object?> { [nameof(BarChart.Items)] = items, [nameof(BarChart.Title)] = "Scores" },
            CancellationToken.None);

    private static List<string> ValueLabels(string html) =>
        ValueLabel().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("class=\"value-label\"[^>]*>([^<]*)</text>")]
    private static partial Regex ValueLabel();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    /// <summary>Renders the id of the scoped <see cref="ScopeMarker"/> it was given.</summary>
    public sealed class ScopeProbe : ComponentBase
    {
        [Inject]
        private ScopeMarker Marker { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Marker.Id.ToString());
    }
}
