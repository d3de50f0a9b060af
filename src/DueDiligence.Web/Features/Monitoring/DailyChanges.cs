using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Monitoring;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Components.Shared;
using static DueDiligence.Domain.Monitoring.ChangeWording;

namespace DueDiligence.Web.Features.Monitoring;

/// <summary>
/// What the days since a date changed: evidence that expired, answered dates that passed and so knock out (an expired
/// licence), conditions and findings that fell overdue, in the words of <see cref="ChangeWording"/>.
/// </summary>
internal static class DailyChanges
{
    /// <param name="knockOuts">The live assessment's knock-outs today, from its score.</param>
    /// <returns>The entry's words, or null when nothing of these changed.</returns>
    public static string? Describe(Assessment? live, Assessment? decided, IReadOnlyList<KnockOutHit> knockOuts, DateOnly since, DateOnly today)
    {
        var details = new List<string>();
        var evidence = (live?.Evidence ?? []).Concat(live?.Id == decided?.Id ? [] : decided?.Evidence ?? []);
        details.AddRange(evidence
            .Where(e => !e.IsWithdrawn && e.ExpiresOn is { } on && on > since && on <= today)
            .Select(e => $"{EvidenceExpired}{e.OriginalFileName} ({e.QuestionCode}, {IsoDates.Day(e.ExpiresOn!.Value)})"));
        details.AddRange(knockOuts
            .Where(k => !k.Waived)
            .Select(k => (k.QuestionCode, Date: live?.Answers.FirstOrDefault(a => a.QuestionCode == k.QuestionCode)?.Date))
            .Where(k => k.Date > since && k.Date <= today)
            .Select(k => $"{KnockOut}the date answered to {k.QuestionCode} ({IsoDates.Day(k.Date!.Value)}) has passed"));
        details.AddRange((decided?.Conditions ?? [])
            .Where(c => c.IsOverdueOn(today) && c.DueOn >= since)
            .Select(c => $"{ConditionOverdue}{c.Description} (due {IsoDates.Day(c.DueOn)})"));
        details.AddRange((decided?.Findings ?? [])
            .Where(f => f.IsOverdueOn(today) && f.DueOn >= since)
            .Select(f => $"{FindingOverdue}{f.Description} (due {IsoDates.Day(f.DueOn!.Value)})"));
        return Join(details);
    }
}
