using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Assessments;

/// <summary>What a reassessment takes over from the previous assessment: answers and evidence that still fit the new questionnaire.</summary>
/// <param name="Answers">The answers to record, each already checked against its question in the new version.</param>
/// <param name="Evidence">The earlier files to link, each against a question still asked and not expired on the start date.</param>
/// <param name="Notes">What did not come over and why, in questionnaire order (the previous one for questions no longer asked).</param>
public sealed record CarryForwardPlan(
    IReadOnlyList<AnswerInput> Answers,
    IReadOnlyList<EvidenceFile> Evidence,
    IReadOnlyList<CarryForwardNote> Notes);

/// <summary>
/// Matches the previous assessment to a new questionnaire version by question code. An answer comes over when its question
/// is still asked with the same type and the answer still fits it (every chosen option still offered, N/A still allowed);
/// otherwise the question starts empty and a note says why. New questions start empty; questions no longer asked are
/// listed. Evidence comes over as links to the earlier files (same stored file, same expiry) while it is not withdrawn
/// and not expired.
/// </summary>
public static class CarryForward
{
    public static CarryForwardPlan Plan(Assessment previous, TemplateDefinition next, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var before = previous.Template.Sections.SelectMany(static s => s.Questions).ToDictionary(static q => q.Code, StringComparer.Ordinal);
        var asked = next.Sections.SelectMany(static s => s.Questions).ToList();
        var stillAsked = asked.Select(static q => q.Code).ToHashSet(StringComparer.Ordinal);

        var answers = new List<AnswerInput>();
        var evidence = new List<EvidenceFile>();
        var notes = new List<CarryForwardNote>();
        foreach (var question in asked)
        {
            if (previous.AnswerTo(question.Code) is { } answer && before.TryGetValue(question.Code, out var earlier))
            {
                var (carried, refusal) = Match(earlier, question, answer);
                if (carried is not null)
                {
                    answers.Add(carried);
                }
                else if (refusal is not null)
                {
                    notes.Add(new CarryForwardNote(CarryForwardNoteKind.AnswerNotCarried, question.Code, question.Text, refusal));
                }
            }

            foreach (var file in previous.Evidence.Where(e => !e.IsWithdrawn && string.Equals(e.QuestionCode, question.Code, StringComparison.Ordinal)))
            {
                if (file.IsCurrentOn(asOf))
                {
                    evidence.Add(file);
                }
                else
                {
                    notes.Add(new CarryForwardNote(CarryForwardNoteKind.EvidenceNotCarried, question.Code, question.Text,
                        $"“{file.OriginalFileName}” expired on {AssessmentWording.Date(file.ExpiresOn!.Value)}; attach a current document."));
                }
            }
        }

        foreach (var removed in before.Values.Where(q => !stillAsked.Contains(q.Code)))
        {
            var had = previous.AnswerTo(removed.Code)?.HasValue == true ? "its earlier answer is kept in the previous assessment" : "it was not answered";
            notes.Add(new CarryForwardNote(CarryForwardNoteKind.NoLongerAsked, removed.Code, removed.Text, $"No longer asked ({had})."));
        }

        return new CarryForwardPlan(answers, evidence, notes);
    }

    /// <returns>The answer to carry, or null with the reason it does not fit (null reason: nothing worth carrying).</returns>
    private static (AnswerInput? Answer, string? Refusal) Match(QuestionDefinition earlier, QuestionDefinition question, AssessmentAnswer answer)
    {
        var input = ToInput(answer);
        if (!answer.HasValue && input.Comment is null && input.EvidenceJustification is null)
        {
            return (null, null);
        }

        if (earlier.Type != question.Type && answer.HasValue)
        {
            return (null,
                $"The question changed from {AnswerValidation.TypeName(earlier.Type)} to {AnswerValidation.TypeName(question.Type)}; answer it again.");
        }

        var gone = input.OptionCodes.Where(code => !question.Options.Exists(o => string.Equals(o.Code, code, StringComparison.Ordinal))).ToList();
        if (gone.Count > 0)
        {
            var labels = string.Join(", ", gone.Select(code => $"“{earlier.Options.Find(o => o.Code == code)?.Label ?? code}”"));
            return (null, $"The earlier answer {labels} is no longer offered; answer it again.");
        }

        if (input.NotApplicable && !question.AllowNotApplicable)
        {
            return (null, "The earlier answer was N/A, which the question no longer allows; answer it again.");
        }

        try
        {
            return (AnswerValidation.Check(question, input), null);
        }
        catch (DomainException e)
        {
            return (null, $"The earlier answer no longer fits: {e.Message}");
        }
    }

    private static AnswerInput ToInput(AssessmentAnswer answer) => new()
    {
        QuestionCode = answer.QuestionCode,
        NotApplicable = answer.NotApplicable,
        YesNo = answer.YesNo,
        Maturity = answer.Maturity,
        OptionCodes = answer.OptionCodes,
        Number = answer.Number,
        Date = answer.Date,
        Text = answer.Text,
        ManualRating = answer.ManualRating,
        Comment = answer.Comment,
        EvidenceJustification = answer.EvidenceJustification,
    };
}
