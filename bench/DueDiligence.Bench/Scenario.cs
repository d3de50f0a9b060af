using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Bench;

/// <summary>A realistic, fully answered assessment of the default template: mostly sound answers, some weak, some N/A, mixed evidence.</summary>
internal static class Scenario
{
    private static readonly DateOnly AsOf = new(2026, 3, 1);

    public static ScoringInput Build(TemplateDefinition template)
    {
        // Seeded, so every run scores the same assessment.
        var random = new Random(20260301);
        var answers = new List<Answer>();
        var evidence = new List<EvidenceState>();
        foreach (var question in template.Sections.SelectMany(s => s.Questions))
        {
            answers.Add(question.AllowNotApplicable && random.NextDouble() < 0.15
                ? new Answer { QuestionCode = question.Code, NotApplicable = true }
                : AnswerFor(question, random));
            if (question.EvidenceRequired)
            {
                evidence.Add(new EvidenceState(question.Code, EvidenceFor(random)));
            }
        }

        var policy = ScoringPolicy.Default;
        return new ScoringInput
        {
            Template = template,
            Answers = answers,
            Evidence = evidence,
            MaxSensitivity = 5,
            Jurisdictions =
            [
                JurisdictionRisk.Compute("CN", new JurisdictionIndicators
                {
                    Ustr301Status = Ustr301Status.PriorityWatchList,
                    EuPriority = 1,
                    Cpi = 43,
                    WgiRuleOfLaw = -0.3,
                }, null, policy),
                JurisdictionRisk.Compute("VN", new JurisdictionIndicators { Ustr301Status = Ustr301Status.WatchList, Cpi = 40 }, LegalRating.High, policy),
                JurisdictionRisk.Compute("MY", null, null, policy),
            ],
            AsOf = AsOf,
            Policy = policy,
        };
    }

    private static Answer AnswerFor(QuestionDefinition question, Random random)
    {
        var code = question.Code;
        var strong = random.NextDouble() < 0.75;
        return question.Type switch
        {
            // Knock-out questions get their safe answer, so the benchmark measures a normal, non-vetoed assessment.
            QuestionType.YesNo => new Answer { QuestionCode = code, YesNo = (strong || question.KnockOut is not null) != question.Inverted },
            QuestionType.Maturity => new Answer { QuestionCode = code, Maturity = strong || question.KnockOut is not null ? random.Next(2, 5) : random.Next(0, 2) },
            QuestionType.SingleChoice => new Answer { QuestionCode = code, OptionCodes = [SafeOptions(question).OrderBy(_ => random.Next()).First()] },
            QuestionType.MultipleChoice => new Answer { QuestionCode = code, OptionCodes = [.. SafeOptions(question).Where(_ => random.NextDouble() < 0.6).DefaultIfEmpty(SafeOptions(question)[0])] },
            QuestionType.Number => new Answer { QuestionCode = code, Number = random.Next(0, 25) },
            QuestionType.Date => new Answer { QuestionCode = code, Date = AsOf.AddDays(strong || question.KnockOut is not null ? random.Next(30, 700) : -random.Next(1, 60)) },
            _ => new Answer { QuestionCode = code, Text = "Documented in the supplier's procedures.", ManualRating = strong ? 0.75 : null },
        };
    }

    private static List<string> SafeOptions(QuestionDefinition question)
    {
        var knockOut = question.KnockOut?.Options ?? [];
        return [.. question.Options.Select(o => o.Code).Where(c => !knockOut.Contains(c))];
    }

    private static List<EvidenceItem> EvidenceFor(Random random)
    {
        return random.Next(4) switch
        {
            0 => [],
            1 => [new EvidenceItem(Verified: false)],
            2 => [new EvidenceItem(Verified: true, ExpiresOn: AsOf.AddDays(random.Next(-30, 400)))],
            _ => [new EvidenceItem(Verified: true), new EvidenceItem(Verified: false, ExpiresOn: AsOf.AddDays(200))],
        };
    }
}
