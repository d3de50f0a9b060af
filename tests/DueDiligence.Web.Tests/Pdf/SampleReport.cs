using DueDiligence.Web.Components.Shared.Report;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace DueDiligence.Web.Tests.Pdf;

/// <summary>
/// A report shaped like the real ones: a bar chart and a long supplier table inside <see cref="ReportPage"/>.
/// Written with RenderTreeBuilder because the test project does not use the Razor SDK.
/// </summary>
public sealed class SampleReport : ComponentBase
{
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    [Parameter]
    public int RowCount { get; set; } = 200;

    [Parameter]
    public IReadOnlyList<BarChartItem> Chart { get; set; } = [];

    [Parameter]
    public string? Watermark { get; set; }

    public static string SupplierCode(int row) => $"SUP-{row:0000}";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<ReportPage>(0);
        builder.AddComponentParameter(1, nameof(ReportPage.Title), Title);
        builder.AddComponentParameter(2, nameof(ReportPage.ChildContent), (RenderFragment)BuildBody);
        builder.AddComponentParameter(3, nameof(ReportPage.Watermark), Watermark);
        builder.CloseComponent();
    }

    private void BuildBody(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "h1");
        builder.AddContent(1, Title);
        builder.CloseElement();

        builder.OpenComponent<BarChart>(2);
        builder.AddComponentParameter(3, nameof(BarChart.Title), "Section scores");
        builder.AddComponentParameter(4, nameof(BarChart.Items), Chart);
        builder.CloseComponent();

        builder.OpenElement(5, "h2");
        builder.AddContent(6, "Suppliers");
        builder.CloseElement();

        builder.OpenElement(7, "table");
        builder.AddMarkupContent(8, "<thead><tr><th>Code</th><th>Supplier</th><th>Country</th><th class=\"number\">Residual risk</th></tr></thead>");
        builder.OpenElement(9, "tbody");
        for (var row = 1; row <= RowCount; row++)
        {
            builder.OpenElement(10, "tr");
            Cell(builder, SupplierCode(row), null);
            Cell(builder, $"Supplier {row} Precision Moulding Co., Ltd.", null);
            Cell(builder, (row % 3) switch { 0 => "CN", 1 => "VN", _ => "MX" }, null);
            Cell(builder, $"{(row * 37) % 100}.5", "number");
            builder.CloseElement();
        }

        builder.CloseElement();
        builder.CloseElement();

        builder.OpenElement(20, "p");
        builder.AddAttribute(21, "class", "page-break");
        builder.AddContent(22, "End of report.");
        builder.CloseElement();
    }

    private static void Cell(RenderTreeBuilder builder, string text, string? cssClass)
    {
        builder.OpenElement(30, "td");
        builder.AddAttribute(31, "class", cssClass);
        builder.AddContent(32, text);
        builder.CloseElement();
    }
}
