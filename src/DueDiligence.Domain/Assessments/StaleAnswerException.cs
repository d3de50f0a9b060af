namespace DueDiligence.Domain.Assessments;

/// <summary>Someone else saved the question since the user opened it; the user's answer was not saved and nothing was overwritten.</summary>
public sealed class StaleAnswerException(AssessmentAnswer current)
    : Exception($"Question {current.QuestionCode} was changed by {current.UpdatedByName} at {AssessmentWording.Date(current.UpdatedAtUtc)} after you opened it. "
        + "Your answer was not saved: reload the question to see theirs, then change it if you still need to.")
{
    public string QuestionCode { get; } = current.QuestionCode;

    public string ChangedByName { get; } = current.UpdatedByName;

    public DateTime ChangedAtUtc { get; } = current.UpdatedAtUtc;

    /// <summary>The version to send with a new attempt once the user has seen the current answer.</summary>
    public Guid CurrentVersion { get; } = current.Version;
}
