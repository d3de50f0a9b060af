namespace DueDiligence.Web.Components.Shared.Report;

/// <summary>One bar of a <see cref="BarChart"/>: a 0–100 value, or null for "no score"; Color is any SVG fill.</summary>
public sealed record BarChartItem(string Label, double? Value, string? Color = null);
