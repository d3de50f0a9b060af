using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>Lists what stops an assessment from being submitted, in questionnaire order.</summary>
public static class SubmissionCheck
{
    /// <remarks>
    /// Evidence is asked for on every applicable evidence-required question that is answered or required: an optional
    /// question left unanswered has nothing to substantiate, while a required one is reported for both at once so that
    /// the analyst does not find the evidence gap only on the next attempt.
    /// </remarks>
    public static IReadOnlyList<MissingItem> Missing(
        TemplateDefinition template,
        IReadOnlyCollection<AssessmentAnswer> answers,
        IReadOnlyCollection<EvidenceFile> evidence,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(evidence);

        var answerByCode = answers.ToDictionary(static a => a.QuestionCode, StringComparer.Ordinal);
        var missing = new List<MissingItem>();
        foreach (var section in template.Sections)
        {
            foreach (var question in section.Questions)
            {
                var answer = answerByCode.GetValueOrDefault(question.Code);
                if (answer is { AwaitsAcceptance: true })
                {
                    missing.Add(Item(section, question, MissingReason.SupplierAnswerNotAccepted,
                        $"Accept {answer.GivenByContact}'s answer to {question.Code} “{question.Text}” or ask the supplier about it: a supplier's answer counts once you accept it."));
                    continue;
                }

                // The engine's reading, so that "answered" means here what completion means in the score.
                var reading = AnswerReading.Read(question, answer?.ToScoringAnswer(), asOf, ScoringPolicy.Default);
                if (reading.NotApplicable)
                {
                    continue;
                }

                if (question.Required && !reading.HasAnswer)
                {
                    missing.Add(Item(section, question, MissingReason.RequiredUnanswered,
                        $"Answer {question.Code} “{question.Text}”: the question is required."));
                }

                if (question.EvidenceRequired && (reading.HasAnswer || question.Required) && EvidenceGap(question, answer, evidence, asOf) is { } message)
                {
                    missing.Add(Item(section, question, MissingReason.EvidenceMissing, message));
                }
            }
        }

        return missing;
    }

    /// <summary>The message when the question has neither current evidence nor a justification; null when it is covered.</summary>
    private static string? EvidenceGap(QuestionDefinition question, AssessmentAnswer? answer, IReadOnlyCollection<EvidenceFile> evidence, DateOnly asOf)
    {
        if (answer?.EvidenceJustification is not null)
        {
            return null;
        }

        // A withdrawn file, or one legal marked insufficient, is kept for the audit but is no longer evidence.
        var files = evidence.Where(e => e.CountsAsAttached && string.Equals(e.QuestionCode, question.Code, StringComparison.Ordinal)).ToList();
        if (files.Exists(e => e.IsCurrentOn(asOf)))
        {
            return null;
        }

        var lastExpiry = files.Max(static e => e.ExpiresOn);
        return lastExpiry is { } expired
            ? $"The evidence for {question.Code} “{question.Text}” expired on {AssessmentWording.Date(expired)}: attach current evidence or explain why there is none."
            : $"Attach evidence for {question.Code} “{question.Text}” or explain why there is none: the questionnaire requires evidence.";
    }

    private static MissingItem Item(SectionDefinition section, QuestionDefinition question, MissingReason reason, string message) =>
        new(question.Code, section.Code, question.Text, reason, message);
}
