namespace DueDiligence.Domain.Assessments;

/// <summary>Why something of the previous assessment did not come over to a reassessment.</summary>
public enum CarryForwardNoteKind
{
    /// <summary>The question is not in the new questionnaire version.</summary>
    NoLongerAsked,

    /// <summary>The question is still asked, but the earlier answer no longer fits it (type changed, option gone); it starts empty.</summary>
    AnswerNotCarried,

    /// <summary>An evidence file had expired by the start of the reassessment, so it no longer counts and was left behind.</summary>
    EvidenceNotCarried,
}

/// <summary>One thing a reassessment did not take over from the previous assessment, in words the analyst reads on the wizard.</summary>
public sealed record CarryForwardNote(CarryForwardNoteKind Kind, string QuestionCode, string QuestionText, string Message);
