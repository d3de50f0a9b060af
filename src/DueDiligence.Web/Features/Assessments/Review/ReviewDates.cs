using System.Globalization;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>How the review views write moments and days: ISO dates, times in UTC, whatever the server's culture.</summary>
internal static class ReviewDates
{
    public static string Moment(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
