using System.Net;
using DueDiligence.Domain.Jurisdictions;
using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Features.Jurisdictions;

/// <summary>
/// One indicator value of a country: as published, or "not available" / "no data" in grey — never a zero. Markup in the
/// page that shows it, not a component: the jurisdiction list shows four a row, and each would be a component that its
/// circuit holds (docs/benchmarks.md).
/// </summary>
public static class IndicatorCell
{
    public static MarkupString For(JurisdictionRow row, JurisdictionIndicator indicator) => row.Value(indicator) is { } value
        ? new(WebUtility.HtmlEncode(value))
        : new($"<span class=\"muted\">{WebUtility.HtmlEncode(JurisdictionLabels.ValueText(row, indicator))}</span>");
}
