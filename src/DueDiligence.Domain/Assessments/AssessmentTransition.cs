namespace DueDiligence.Domain.Assessments;

/// <summary>One step of an assessment's visible workflow history: who moved it from where to where, when and why.</summary>
public sealed class AssessmentTransition
{
    private AssessmentTransition()
    {
    }

    internal AssessmentTransition(AssessmentStatus? from, AssessmentStatus to, Actor actor, DateTime atUtc, string? reason)
    {
        Id = Guid.CreateVersion7();
        From = from;
        To = to;
        ById = actor.Id;
        ByName = actor.Name;
        AtUtc = atUtc;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    /// <summary>Null for the first step, when the assessment was started.</summary>
    public AssessmentStatus? From { get; private set; }

    public AssessmentStatus To { get; private set; }

    public string ById { get; private set; } = "";

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }

    /// <summary>Why it went back to draft; null for the other steps.</summary>
    public string? Reason { get; private set; }
}
