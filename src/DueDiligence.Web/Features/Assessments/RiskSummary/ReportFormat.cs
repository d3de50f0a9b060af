using System.Globalization;

using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>How figures read in reports: the same rounding and formats as the score panel in the app (dates: IsoDates).</summary>
internal static class ReportFormat
{
    /// <summary>A 0–100 figure with one decimal, midpoint away from zero (48.15 → "48.2").</summary>
    public static string Figure(double value) => Display.Round1(value).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A 0–1 share as a whole percentage ("87 %"), as the score panel shows completion and evidence coverage.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A rating, confidence or weight with up to two decimals ("0.8", "1"); "—" when there is none.</summary>
    public static string Two(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    /// <summary>The status as the end of "the assessment is …": "still a draft", "in legal review".</summary>
    public static string StatusPhrase(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "still a draft",
        AssessmentStatus.Submitted => "submitted and waiting for legal review",
        AssessmentStatus.LegalReview => "in legal review",
        AssessmentStatus.AwaitingDecision => "awaiting a decision",
        _ => "decided",
    };

    /// <summary>A file size as people read it: "820 B", "14.2 KB", "3.1 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };
}
