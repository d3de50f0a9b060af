using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Scoring;

/// <summary>The running sums of one scoring pass: section sums for C and §7, completion, coverage and knock-outs.</summary>
internal sealed class ControlTally(int sectionCount)
{
    private List<(int Section, int Question)>? _unwaivedKnockOutAt;

    public double[] SectionWeightedSum { get; } = new double[sectionCount];

    public double[] SectionCountedWeight { get; } = new double[sectionCount];

    /// <summary>Σ W_s × S_s over the sections not left out.</summary>
    public double WeightedSectionSum { get; private set; }

    /// <summary>Σ W_s over the sections not left out.</summary>
    public double WeightDenominator { get; private set; }

    /// <summary>Questions that entered a section score: the most that §7 can list.</summary>
    public int CountedQuestions { get; private set; }

    public int RequiredApplicable { get; private set; }

    public int RequiredAnswered { get; private set; }

    public int EvidenceApplicable { get; private set; }

    public int EvidenceAttached { get; private set; }

    public List<KnockOutHit>? KnockOuts { get; private set; }

    public int UnwaivedKnockOuts => _unwaivedKnockOutAt?.Count ?? 0;

    public void Count(QuestionDefinition question, AnswerReading reading, EvidenceStatus evidence)
    {
        if (reading.NotApplicable)
        {
            return;
        }

        if (question.Required)
        {
            RequiredApplicable++;
            if (reading.HasAnswer)
            {
                RequiredAnswered++;
            }
        }

        if (question.EvidenceRequired)
        {
            EvidenceApplicable++;
            if (evidence is EvidenceStatus.Verified or EvidenceStatus.Unverified)
            {
                EvidenceAttached++;
            }
        }
    }

    public void CheckKnockOut(QuestionDefinition question, KnockOutRule rule, Answer answer, string sectionCode, int section, int index, ScoringInput input)
    {
        if (KnockOutCheck.Trigger(question, rule, answer, input.AsOf) is not { } trigger)
        {
            return;
        }

        var waived = input.WaivedKnockOuts.Contains(question.Code);
        KnockOuts ??= [];
        KnockOuts.Add(new KnockOutHit
        {
            QuestionCode = question.Code,
            QuestionText = question.Text,
            SectionCode = sectionCode,
            TriggeringAnswer = trigger,
            Waived = waived,
            Mitigation = question.Mitigation,
        });

        if (!waived)
        {
            _unwaivedKnockOutAt ??= [];
            _unwaivedKnockOutAt.Add((section, index));
        }
    }

    public bool HasUnwaivedKnockOutAt(int section, int index)
    {
        return _unwaivedKnockOutAt?.Contains((section, index)) ?? false;
    }

    public void AddSection(int section, double sectionWeight, double weightedSum, double countedWeight, int countedQuestions, double? score)
    {
        SectionWeightedSum[section] = weightedSum;
        SectionCountedWeight[section] = countedWeight;
        CountedQuestions += countedQuestions;
        if (score is { } s)
        {
            WeightedSectionSum += sectionWeight * s;
            WeightDenominator += sectionWeight;
        }
    }
}
