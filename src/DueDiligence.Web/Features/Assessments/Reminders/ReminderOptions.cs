namespace DueDiligence.Web.Features.Assessments.Reminders;

/// <summary>
/// The <c>Reminders</c> section: how many days ahead each daily reminder goes out. The lists start empty and get their
/// defaults after binding (<see cref="ApplyDefaults"/>): the configuration binder would add configured days to defaults set here.
/// </summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    public void ApplyDefaults()
    {
        DueInDays = DueInDays.Length == 0 ? [7, 1] : DueInDays;
        EvidenceExpiringInDays = EvidenceExpiringInDays.Length == 0 ? [30, 7] : EvidenceExpiringInDays;
        ReassessmentDueInDays = ReassessmentDueInDays.Length == 0 ? [30, 0] : ReassessmentDueInDays;
        PortalLinkExpiringInDays = PortalLinkExpiringInDays.Length == 0 ? [3] : PortalLinkExpiringInDays;
    }

    /// <summary>Days before a finding's or condition's due date on which its owner is reminded (0: on the day).</summary>
    public int[] DueInDays { get; set; } = [];

    /// <summary>An overdue finding or condition is reminded of the day after its due date, then every so many days.</summary>
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>Days before a piece of evidence of a supplier's live assessment expires.</summary>
    public int[] EvidenceExpiringInDays { get; set; } = [];

    /// <summary>Days before a supplier's reassessment is due (0: on the day).</summary>
    public int[] ReassessmentDueInDays { get; set; } = [];

    /// <summary>Days before the last day a supplier contact's portal link works, while the contact has not submitted (0: on that day).</summary>
    public int[] PortalLinkExpiringInDays { get; set; } = [];
}
