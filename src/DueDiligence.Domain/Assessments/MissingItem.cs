namespace DueDiligence.Domain.Assessments;

/// <summary>One thing the analyst must still do before submitting, with a message that says what.</summary>
public sealed record MissingItem(string QuestionCode, string SectionCode, string QuestionText, MissingReason Reason, string Message);
