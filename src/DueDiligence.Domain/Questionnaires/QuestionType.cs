namespace DueDiligence.Domain.Questionnaires;

/// <summary>The kind of answer a question expects, which decides how the answer is rated.</summary>
public enum QuestionType
{
    YesNo,
    Maturity,
    SingleChoice,
    MultipleChoice,
    Number,
    Date,
    Text,
}
