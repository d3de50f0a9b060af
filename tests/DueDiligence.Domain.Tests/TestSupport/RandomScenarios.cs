using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Tests.TestSupport;

/// <summary>A seeded generator of valid templates with random answers, evidence, waivers and exposure, for property tests.</summary>
internal sealed class RandomScenarios(int seed)
{
    private static readonly double[] PointSteps = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

    private readonly Random _random = new(seed);

    public ScoringInput Input()
    {
        var template = Template();
        var knockOutCodes = template.Sections.SelectMany(s => s.Questions).Where(q => q.KnockOut is not null).Select(q => q.Code);
        return new ScoringInput
        {
            Template = template,
            Answers = [.. template.Sections.SelectMany(s => s.Questions).Select(AnswerFor).OfType<Answer>()],
            Evidence = [.. template.Sections.SelectMany(s => s.Questions).Where(q => q.EvidenceRequired).Select(EvidenceFor)],
            MaxSensitivity = _random.Next(0, 6),
            Jurisdictions = [.. Enumerable.Range(0, _random.Next(0, 4)).Select(i => Scores.Country($"C{i}", _random.NextDouble() * 100))],
            WaivedKnockOuts = [.. knockOutCodes.Where(_ => _random.Next(2) == 0)],
            AsOf = Scores.AsOf,
        };
    }

    public TemplateDefinition Template()
    {
        var template = new TemplateDefinition { Name = "Random" };
        var sectionCount = _random.Next(1, 6);
        var questionNumber = 0;
        for (var s = 0; s < sectionCount; s++)
        {
            var section = new SectionDefinition { Code = $"S{s}", Title = $"Section {s}", Weight = Weight() };
            var questionCount = _random.Next(1, 9);
            for (var q = 0; q < questionCount; q++)
            {
                // The first question of a section is scored, as the validator requires.
                var type = q == 0 ? (QuestionType)_random.Next(0, 6) : (QuestionType)_random.Next(0, 7);
                section.Questions.Add(Question($"Q{questionNumber++}", type));
            }

            template.Sections.Add(section);
        }

        return template;
    }

    /// <summary>A random valid answer for the question; null (unanswered) or N/A now and then.</summary>
    public Answer? AnswerFor(QuestionDefinition question)
    {
        var roll = _random.NextDouble();
        if (roll < 0.12)
        {
            return null;
        }

        if (roll < 0.22 && question.AllowNotApplicable)
        {
            return new Answer { QuestionCode = question.Code, NotApplicable = true };
        }

        return ValueFor(question);
    }

    /// <summary>A random answer with a value fitting the question, never N/A.</summary>
    public Answer ValueFor(QuestionDefinition question)
    {
        var code = question.Code;
        return question.Type switch
        {
            QuestionType.YesNo => new Answer { QuestionCode = code, YesNo = _random.Next(2) == 0 },
            QuestionType.Maturity => new Answer { QuestionCode = code, Maturity = _random.Next(0, 5) },
            QuestionType.SingleChoice => new Answer { QuestionCode = code, OptionCodes = [Pick(question.Options).Code] },
            QuestionType.MultipleChoice => new Answer
            {
                QuestionCode = code,
                OptionCodes = [.. question.Options.Where(_ => _random.Next(2) == 0).Select(o => o.Code).DefaultIfEmpty(question.Options[0].Code)],
            },
            QuestionType.Number => new Answer { QuestionCode = code, Number = Math.Round(_random.NextDouble() * 20, 1) },
            QuestionType.Date => new Answer { QuestionCode = code, Date = Scores.AsOf.AddDays(_random.Next(-200, 400)) },
            _ => new Answer
            {
                QuestionCode = code,
                Text = "Described in the supplier's policy.",
                ManualRating = _random.Next(2) == 0 ? Pick(Answer.ManualRatingSteps) : null,
            },
        };
    }

    private QuestionDefinition Question(string code, QuestionType type)
    {
        var question = new QuestionDefinition
        {
            Code = code,
            Text = $"Question {code}?",
            Type = type,
            Weight = Weight(),
            Required = _random.NextDouble() < 0.7,
            AllowNotApplicable = _random.NextDouble() < 0.3,
            EvidenceRequired = _random.NextDouble() < 0.3,
            Inverted = type == QuestionType.YesNo && _random.NextDouble() < 0.3,
            Mitigation = $"Mitigate {code}.",
        };

        if (type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            question.Options = [.. Enumerable.Range(0, _random.Next(2, 6)).Select(i => new OptionDefinition { Code = $"O{i}", Label = $"Option {i}", Points = Pick(PointSteps) })];
        }

        if (type == QuestionType.Number)
        {
            var bound = 0.0;
            question.Bands = [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => new NumberBand { UpTo = bound += 1 + _random.Next(0, 6), Points = Pick(PointSteps) })];
            question.Bands.Add(new NumberBand { UpTo = null, Points = Pick(PointSteps) });
        }

        if (_random.NextDouble() < 0.2)
        {
            question.KnockOut = KnockOutFor(question);
        }

        return question;
    }

    private KnockOutRule? KnockOutFor(QuestionDefinition question)
    {
        return question.Type switch
        {
            QuestionType.YesNo => new KnockOutRule { YesNo = question.Inverted },
            QuestionType.Maturity => new KnockOutRule { MaturityAtOrBelow = _random.Next(0, 2) },
            QuestionType.SingleChoice or QuestionType.MultipleChoice => new KnockOutRule { Options = [question.Options[^1].Code] },
            QuestionType.Date => new KnockOutRule { DateOnOrBeforeAsOf = true },
            _ => null,
        };
    }

    private List<EvidenceItem> Items()
    {
        return [.. Enumerable.Range(0, _random.Next(0, 3)).Select(_ => new EvidenceItem(
            _random.Next(2) == 0,
            _random.Next(3) switch
            {
                0 => null,
                1 => Scores.AsOf.AddDays(-_random.Next(0, 100)),
                _ => Scores.AsOf.AddDays(_random.Next(1, 100)),
            }))];
    }

    private EvidenceState EvidenceFor(QuestionDefinition question)
    {
        return new EvidenceState(question.Code, Items());
    }

    private double Weight()
    {
        return _random.Next(3) == 0 ? Pick([1, 2, 3, 5, 10]) : 0.1 + (_random.NextDouble() * 10);
    }

    private T Pick<T>(IReadOnlyList<T> items)
    {
        return items[_random.Next(items.Count)];
    }
}
