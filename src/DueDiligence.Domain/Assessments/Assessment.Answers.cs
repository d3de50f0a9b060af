using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

public sealed partial class Assessment
{
    /// <summary>The saved answer to a question, or null when it was never answered.</summary>
    public AssessmentAnswer? AnswerTo(string questionCode) =>
        _answers.Find(a => string.Equals(a.QuestionCode, questionCode, StringComparison.Ordinal));

    /// <summary>Saves the answer to one question exactly as given; an input with no value clears the answer.</summary>
    /// <param name="expectedAnswerVersion">
    /// The <see cref="AssessmentAnswer.Version"/> the user started from, or null when the question had no saved answer then.
    /// </param>
    /// <exception cref="StaleAnswerException">Someone saved the question since; nothing was overwritten.</exception>
    public AssessmentAnswer RecordAnswer(AnswerInput value, Actor actor, DateTime nowUtc, Guid? expectedAnswerVersion)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Answers can only change while the assessment is a draft", AssessmentStatus.Draft);
        var (_, question) = FindQuestion(value.QuestionCode);
        var checkedValue = AnswerValidation.Check(question, value);

        var answer = AnswerTo(question.Code);
        if (answer is not null && answer.Version != expectedAnswerVersion)
        {
            throw new StaleAnswerException(answer);
        }

        if (answer is null)
        {
            answer = new AssessmentAnswer(question.Code);
            _answers.Add(answer);
        }

        answer.Record(checkedValue, actor, nowUtc);
        // No Touch(): answers carry their own versions, so that people answering different questions never conflict.
        return answer;
    }

    /// <summary>
    /// A supplier contact saves an answer through the portal: recorded like any answer, marked as given by the contact, and
    /// left out of the score until the analyst accepts it.
    /// </summary>
    public AssessmentAnswer RecordSupplierAnswer(AnswerInput value, Actor contact, DateTime nowUtc, Guid? expectedAnswerVersion)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return RecordSupplierAnswer(value, contact, contact.Name, nowUtc, expectedAnswerVersion);
    }

    /// <summary>
    /// Someone of ours records an answer the supplier gave another way (its filled-in questionnaire workbook): saved by
    /// <paramref name="recordedBy"/>, marked as given by <paramref name="givenBy"/>, and counted once the analyst accepts it.
    /// </summary>
    public AssessmentAnswer RecordSupplierAnswer(AnswerInput value, Actor recordedBy, string givenBy, DateTime nowUtc, Guid? expectedAnswerVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(givenBy);
        var answer = RecordAnswer(value, recordedBy, nowUtc, expectedAnswerVersion);
        answer.MarkGivenBy(givenBy);
        return answer;
    }

    /// <summary>The analyst accepts a supplier's answer: from now on it counts, and so do the files the supplier attached to it.</summary>
    public AssessmentAnswer AcceptSupplierAnswer(string questionCode, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("Supplier answers are accepted while the assessment is a draft", AssessmentStatus.Draft);
        var (_, question) = FindQuestion(questionCode);
        var answer = AnswerTo(question.Code) ?? throw new DomainException($"{question.Code} has no answer to accept.");
        answer.Accept(actor, nowUtc);
        foreach (var file in _evidence.Where(e => e.GivenByContact is not null && string.Equals(e.QuestionCode, question.Code, StringComparison.Ordinal)))
        {
            file.Accept(nowUtc);
        }

        return answer;
    }

    /// <summary>
    /// Takes over an answer as a use case saved it, so that a copy of this assessment held by a screen shows the saved state
    /// (and the next save of that question starts from <paramref name="savedVersion"/>) without being read again.
    /// </summary>
    public AssessmentAnswer ApplySavedAnswer(AnswerInput value, Actor actor, DateTime savedAtUtc, Guid savedVersion)
    {
        ArgumentNullException.ThrowIfNull(value);
        var answer = RecordAnswer(value, actor, savedAtUtc, AnswerTo(value.QuestionCode)?.Version);
        answer.TakeVersion(savedVersion);
        return answer;
    }

    /// <summary>The answers as the scoring engine reads them, in questionnaire order.</summary>
    public IReadOnlyList<Answer> ToScoringAnswers()
    {
        var answers = new List<Answer>(_answers.Count);
        foreach (var question in _template.Sections.SelectMany(static s => s.Questions))
        {
            if (AnswerTo(question.Code) is { AwaitsAcceptance: false } answer)
            {
                answers.Add(answer.ToScoringAnswer());
            }
        }

        return answers;
    }
}
