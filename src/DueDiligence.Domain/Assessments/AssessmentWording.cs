using System.Globalization;

namespace DueDiligence.Domain.Assessments;

/// <summary>How statuses and dates read in the assessment's messages.</summary>
internal static class AssessmentWording
{
    /// <summary>The status as the end of a sentence such as "this assessment is …": "a draft", "in legal review".</summary>
    public static string Phrase(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "a draft",
        AssessmentStatus.Submitted => "submitted",
        AssessmentStatus.LegalReview => "in legal review",
        AssessmentStatus.AwaitingDecision => "awaiting a decision",
        AssessmentStatus.Decided => "decided",
        _ => status.ToString(),
    };

    public static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
