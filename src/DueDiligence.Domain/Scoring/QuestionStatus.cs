namespace DueDiligence.Domain.Scoring;

/// <summary>How a question took part in its section score.</summary>
public enum QuestionStatus
{
    /// <summary>Scored with the given answer.</summary>
    Answered,

    /// <summary>Scored as r = 0: silence is not assurance.</summary>
    Unanswered,

    /// <summary>Validly marked N/A: left out of both sums.</summary>
    NotApplicable,

    /// <summary>A Text question without a manual rating: left out of both sums.</summary>
    Unscored,
}
