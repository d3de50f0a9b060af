using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>Properties of the model checked over many seeded random templates, answers and exposures.</summary>
public sealed class ScoringPropertyTests
{
    private const int Cases = 400;
    private const double Tolerance = 1e-9;

    public static TheoryData<int> Seeds => [11, 2026, 90210];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generator_WhenItBuildsTemplates_BuildsOnlyValidOnes(int seed)
    {
        var scenarios = new RandomScenarios(seed);

        for (var i = 0; i < Cases; i++)
        {
            Assert.Empty(TemplateValidator.Validate(scenarios.Template()));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_WhenOneAnswersRatingIsRaised_NeverRaisesResidualRisk(int seed)
    {
        var scenarios = new RandomScenarios(seed);
        var compared = 0;

        for (var i = 0; i < Cases; i++)
        {
            var input = scenarios.Input();
            var (question, _) = RandomScoredQuestion(input.Template, i);
            var first = ScoringEngine.Score(WithAnswer(input, question.Code, scenarios.ValueFor(question)));
            var second = ScoringEngine.Score(WithAnswer(input, question.Code, scenarios.ValueFor(question)));
            var (lower, higher) = RatingOf(first, question.Code) <= RatingOf(second, question.Code) ? (first, second) : (second, first);

            Assert.True(higher.ResidualRisk <= lower.ResidualRisk + Tolerance,
                $"Case {i}: raising {question.Code} from {RatingOf(lower, question.Code)} to {RatingOf(higher, question.Code)} raised R from {lower.ResidualRisk} to {higher.ResidualRisk}.");
            compared++;
        }

        Assert.Equal(Cases, compared);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_WhenAllQuestionWeightsAreScaled_ChangesNothing(int seed)
    {
        var scenarios = new RandomScenarios(seed);

        for (var i = 0; i < Cases; i++)
        {
            var input = scenarios.Input();
            var factor = new[] { 0.01, 3, 1000 }[i % 3];
            var scaled = input.Template.Clone();
            scaled.Sections.ForEach(s => s.Questions.ForEach(q => q.Weight *= factor));

            AssertSameScore(ScoringEngine.Score(input), ScoringEngine.Score(input with { Template = scaled }));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_WhenAllSectionWeightsAreScaled_ChangesNothing(int seed)
    {
        var scenarios = new RandomScenarios(seed);

        for (var i = 0; i < Cases; i++)
        {
            var input = scenarios.Input();
            var factor = new[] { 0.01, 7, 1000 }[i % 3];
            var scaled = input.Template.Clone();
            scaled.Sections.ForEach(s => s.Weight *= factor);

            AssertSameScore(ScoringEngine.Score(input), ScoringEngine.Score(input with { Template = scaled }));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_WhenAQuestionIsMarkedNotApplicable_EqualsTheScoreWithTheQuestionDeleted(int seed)
    {
        var scenarios = new RandomScenarios(seed);

        for (var i = 0; i < Cases; i++)
        {
            var input = scenarios.Input();
            var (question, sectionIndex) = RandomQuestion(input.Template, i);

            var allowing = input.Template.Clone();
            allowing.Sections[sectionIndex].Questions.Single(q => q.Code == question.Code).AllowNotApplicable = true;
            var markedNotApplicable = input with { Template = allowing };
            markedNotApplicable = WithAnswer(markedNotApplicable, question.Code, new Answer { QuestionCode = question.Code, NotApplicable = true });

            var deleted = input.Template.Clone();
            deleted.Sections[sectionIndex].Questions.RemoveAll(q => q.Code == question.Code);
            var withoutQuestion = input with { Template = deleted, Answers = [.. input.Answers.Where(a => a.QuestionCode != question.Code)] };

            var expected = ScoringEngine.Score(withoutQuestion);
            var actual = ScoringEngine.Score(markedNotApplicable);
            AssertSameScore(expected, actual);
            Assert.Equal(expected.Completion, actual.Completion, 12);
            Assert.Equal(expected.EvidenceCoverage, actual.EvidenceCoverage);
            Assert.Equal(expected.KnockOuts.Count, actual.KnockOuts.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_WhenAnUnwaivedKnockOutTriggers_AlwaysYieldsCritical(int seed)
    {
        var scenarios = new RandomScenarios(seed);
        var knockedOutCases = 0;

        for (var i = 0; i < Cases; i++)
        {
            var input = scenarios.Input();
            var (question, sectionIndex) = RandomScoredQuestion(input.Template, i);
            if (question.Type is QuestionType.Text or QuestionType.Number)
            {
                continue;
            }

            var answer = scenarios.ValueFor(question);
            if (question.Type == QuestionType.Date)
            {
                answer = answer with { Date = Scores.AsOf.AddDays(-(i % 30)) };
            }

            var template = input.Template.Clone();
            template.Sections[sectionIndex].Questions.Single(q => q.Code == question.Code).KnockOut = RuleTriggeredBy(question, answer);
            var knockedOut = WithAnswer(input with { Template = template }, question.Code, answer) with
            {
                WaivedKnockOuts = [.. input.WaivedKnockOuts.Where(c => c != question.Code)],
            };

            var result = ScoringEngine.Score(knockedOut);

            Assert.Contains(result.KnockOuts, k => k.QuestionCode == question.Code && !k.Waived);
            Assert.Equal(RiskTier.Critical, result.Tier);
            Assert.Equal(Recommendation.DoNotProceed, result.Recommendation);
            knockedOutCases++;
        }

        Assert.True(knockedOutCases > Cases / 2, $"Only {knockedOutCases} cases had a knock-out-capable question.");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_ForAnyInput_KeepsControlScoreWithinZeroToHundredAndResidualAtMostInherent(int seed)
    {
        var scenarios = new RandomScenarios(seed);

        for (var i = 0; i < Cases; i++)
        {
            var result = ScoringEngine.Score(scenarios.Input());

            Assert.InRange(result.ControlScore, 0, 100);
            Assert.InRange(result.InherentRisk, 0, 100);
            Assert.InRange(result.ResidualRisk, 0, result.InherentRisk + Tolerance);
            Assert.InRange(result.Completion, 0, 1);
            Assert.All(result.Sections.Where(s => !s.IsLeftOut), s => Assert.InRange(s.Score!.Value, 0, 100 + Tolerance));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_ForAnyInput_ComputesEachTierChangeAsAFullRescoreWithThatQuestionAtFullCredit(int seed)
    {
        var scenarios = new RandomScenarios(seed);

        for (var i = 0; i < Cases; i++)
        {
            var input = scenarios.Input();
            var result = ScoringEngine.Score(input);

            foreach (var change in result.WhatWouldChangeTier)
            {
                var rescored = ScoringEngine.Score(WithPerfectQuestion(input, change.QuestionCode));
                Assert.Equal(rescored.ResidualRisk, change.ResidualRisk, 9);
                Assert.Equal(rescored.Tier, change.TierReached);
            }

            var reductions = result.WhatWouldChangeTier.Select(c => Math.Round(c.Reduction, 9)).ToList();
            Assert.Equal(reductions.OrderByDescending(r => r), reductions);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_WhenAnswersAndEvidenceComeInAnotherOrder_GivesTheSameResult(int seed)
    {
        var scenarios = new RandomScenarios(seed);
        var shuffle = new Random(seed);

        for (var i = 0; i < Cases; i++)
        {
            var input = scenarios.Input();
            var shuffled = input with
            {
                Answers = [.. input.Answers.OrderBy(_ => shuffle.Next())],
                Evidence = [.. input.Evidence.OrderBy(_ => shuffle.Next())],
            };

            var expected = ScoringEngine.Score(input);
            var actual = ScoringEngine.Score(shuffled);
            AssertSameScore(expected, actual);
            Assert.Equal(expected.EvidenceCoverage, actual.EvidenceCoverage);
            Assert.Equal(expected.WhatWouldChangeTier.Select(c => c.QuestionCode), actual.WhatWouldChangeTier.Select(c => c.QuestionCode));
        }
    }

    /// <summary>The question replaced by a Yes/No of the same code and weight answered Yes: r′ = 1 and no knock-out.</summary>
    private static ScoringInput WithPerfectQuestion(ScoringInput input, string code)
    {
        var template = input.Template.Clone();
        foreach (var section in template.Sections)
        {
            var index = section.Questions.FindIndex(q => q.Code == code);
            if (index >= 0)
            {
                section.Questions[index] = Templates.YesNo(code, section.Questions[index].Weight);
            }
        }

        return WithAnswer(input with { Template = template }, code, Answers.Yes(code));
    }

    private static KnockOutRule RuleTriggeredBy(QuestionDefinition question, Answer answer)
    {
        return question.Type switch
        {
            QuestionType.YesNo => new KnockOutRule { YesNo = answer.YesNo },
            QuestionType.Maturity => new KnockOutRule { MaturityAtOrBelow = answer.Maturity },
            QuestionType.SingleChoice or QuestionType.MultipleChoice => new KnockOutRule { Options = [answer.OptionCodes[0]] },
            QuestionType.Date => new KnockOutRule { DateOnOrBeforeAsOf = true },
            _ => throw new InvalidOperationException($"{question.Type} questions have no knock-out."),
        };
    }

    private static ScoringInput WithAnswer(ScoringInput input, string code, Answer answer)
    {
        return input with { Answers = [.. input.Answers.Where(a => a.QuestionCode != code), answer] };
    }

    private static double RatingOf(ScoreResult result, string code)
    {
        return result.Sections.SelectMany(s => s.Questions).Single(q => q.Code == code).Rating ?? 0;
    }

    private static (QuestionDefinition Question, int SectionIndex) RandomQuestion(TemplateDefinition template, int pick)
    {
        var all = template.Sections.SelectMany((s, index) => s.Questions.Select(q => (q, index))).ToList();
        return all[pick % all.Count];
    }

    /// <summary>A question of a type that can knock out (not Text nor Number) when the template has one.</summary>
    private static (QuestionDefinition Question, int SectionIndex) RandomScoredQuestion(TemplateDefinition template, int pick)
    {
        var scored = template.Sections
            .SelectMany((s, index) => s.Questions.Select(q => (q, index)))
            .Where(x => x.q.Type is not (QuestionType.Text or QuestionType.Number))
            .ToList();
        return scored.Count > 0 ? scored[pick % scored.Count] : RandomQuestion(template, pick);
    }

    private static void AssertSameScore(ScoreResult expected, ScoreResult actual)
    {
        Assert.Equal(expected.HasScore, actual.HasScore);
        Assert.Equal(expected.ControlScore, actual.ControlScore, Tolerance);
        Assert.Equal(expected.ResidualRisk, actual.ResidualRisk, Tolerance);
        Assert.Equal(expected.Tier, actual.Tier);
    }
}
