namespace DueDiligence.Web.Features.Reminders;

/// <summary>The <c>Reminders</c> section: how many days ahead each daily reminder goes out.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Days before a finding's or condition's due date on which its owner is reminded (0: on the day).</summary>
    public int[] DueInDays { get; set; } = [7, 1];

    /// <summary>An overdue finding or condition is reminded of the day after its due date, then every so many days.</summary>
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>Days before a piece of evidence of a supplier's live assessment expires.</summary>
    public int[] EvidenceExpiringInDays { get; set; } = [30, 7];

    /// <summary>Days before a supplier's reassessment is due (0: on the day).</summary>
    public int[] ReassessmentDueInDays { get; set; } = [30, 0];
}
