using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Suppliers;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>The trend chart's x-axis tells every point apart, even when two assessments were scored on one day.</summary>
public sealed class SupplierTrendChartTests
{
    [Fact]
    public void AxisLabels_WhenTwoPointsShareADay_NumbersThemAndLeavesTheOthersPlain()
    {
        var first = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        SupplierTrendPoint[] points =
        [
            Point(first), Point(first.AddDays(30)), Point(first.AddDays(30).AddHours(3)), Point(first.AddDays(90)),
        ];

        Assert.Equal(["2026-03-02", "2026-04-01 (1)", "2026-04-01 (2)", "2026-05-31"], SupplierTrendChart.AxisLabels(points));
    }

    private static SupplierTrendPoint Point(DateTime at) => new(Guid.NewGuid(), at, ScoreSnapshotKind.Submission, RiskTier.Medium, 30, 60, "ipdd-2026.2");
}
