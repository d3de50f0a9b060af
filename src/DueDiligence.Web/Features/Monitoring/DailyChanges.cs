using System.Globalization;
using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Features.Monitoring;

/// <summary>What the days since the last check changed: evidence that expired, conditions and findings that fell overdue.</summary>
internal static class DailyChanges
{
    public static List<string> Describe(Assessment? live, Assessment? decided, DateOnly since, DateOnly today)
    {
        var details = new List<string>();
        var evidence = (live?.Evidence ?? []).Concat(live?.Id == decided?.Id ? [] : decided?.Evidence ?? []);
        details.AddRange(evidence
            .Where(e => !e.IsWithdrawn && e.ExpiresOn is { } on && on > since && on <= today)
            .Select(e => $"Evidence expired: {e.OriginalFileName} ({e.QuestionCode}, {Day(e.ExpiresOn!.Value)})"));
        details.AddRange((decided?.Conditions ?? [])
            .Where(c => c.IsOverdueOn(today) && c.DueOn >= since)
            .Select(c => $"Condition overdue: {c.Description} (due {Day(c.DueOn)})"));
        details.AddRange((decided?.Findings ?? [])
            .Where(f => f.IsOverdueOn(today) && f.DueOn >= since)
            .Select(f => $"Finding overdue: {f.Description} (due {Day(f.DueOn!.Value)})"));
        return details;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
