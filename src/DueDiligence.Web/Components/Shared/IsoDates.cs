using System.Globalization;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// How the app writes days and moments on its pages and in its reports and e-mails: ISO dates, times in UTC, the same on
/// every server (a server's own culture could otherwise write another calendar's year or another time separator). An
/// e-mail's sentence names its day in words, in English, the language of the mails.
/// </summary>
public static class IsoDates
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day of a moment in UTC.</summary>
    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day, or <paramref name="none"/> ("—", "never") when there is none.</summary>
    public static string Day(DateOnly? date, string none) => date is { } day ? Day(day) : none;

    /// <summary>The day of a moment in UTC, or <paramref name="none"/> when there is none.</summary>
    public static string Day(DateTime? utc, string none) => utc is { } at ? Day(at) : none;

    /// <summary>The day as a sentence of an e-mail names it: "7 December 2026".</summary>
    public static string InWords(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Moment(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
