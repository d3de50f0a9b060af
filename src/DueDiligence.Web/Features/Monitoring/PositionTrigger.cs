using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Features.Monitoring;

/// <summary>What kind of change asks for the positions to be recomputed.</summary>
public enum PositionTriggerKind
{
    /// <summary>A user's change (a rating, a site, a decision…): the entry says what.</summary>
    Change,

    /// <summary>The daily check: the entry names the evidence that expired and the conditions and findings that fell overdue.</summary>
    Daily,

    /// <summary>Information for every affected decided supplier, whether or not its figures moved (a knock-out added in a newer template version).</summary>
    Information,

    /// <summary>The check at start-up: positions not computed yet, or computed with another scoring policy.</summary>
    StartUp,
}

/// <summary>Why positions are recomputed, in the words the "what changed" entry shows.</summary>
public sealed record PositionTrigger(string What, PositionTriggerKind Kind = PositionTriggerKind.Change)
{
    public static PositionTrigger Daily { get; } = new("Daily check", PositionTriggerKind.Daily);

    public static PositionTrigger StartUp { get; } = new("First computed at start-up", PositionTriggerKind.StartUp);

    /// <summary>How a switch of scoring policy is named on the queue, e.g. "policy 2026.2 (ipdd-2026.2 replaces ipdd-2026.1)".</summary>
    public static string PolicySwitch(string? previous) =>
        $"policy {ScoringPolicy.Default.Id[(ScoringPolicy.Default.Id.LastIndexOf('-') + 1)..]} ({ScoringPolicy.Default.Id} replaces {previous ?? "the policy of the decision"})";
}
