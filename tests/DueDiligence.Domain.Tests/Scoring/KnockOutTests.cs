using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §4: knock-out answers force Critical / Do not proceed unless waived.</summary>
public sealed class KnockOutTests
{
    [Fact]
    public void Score_WhenYesNoKnockOutAnswerGiven_MakesTierCriticalWhateverTheScore()
    {
        var template = KnockOutTemplate(Templates.YesNo("NDA").With(q => q.KnockOut = new KnockOutRule { YesNo = false }));

        var result = ScoringEngine.Score(LowRiskInput(template, Answers.No("NDA")));

        Assert.Equal(RiskTier.Low, result.TierByScore);
        Assert.Equal(RiskTier.Critical, result.Tier);
        Assert.Equal(Recommendation.DoNotProceed, result.Recommendation);
        var hit = Assert.Single(result.KnockOuts);
        Assert.Equal("NDA", hit.QuestionCode);
        Assert.Equal("No", hit.TriggeringAnswer);
        Assert.False(hit.Waived);
        Assert.True(result.HasUnwaivedKnockOut);
    }

    [Fact]
    public void Score_WhenYesNoAnswerDiffersFromKnockOut_DoesNotTrigger()
    {
        var template = KnockOutTemplate(Templates.YesNo("NDA").With(q => q.KnockOut = new KnockOutRule { YesNo = false }));

        var result = ScoringEngine.Score(LowRiskInput(template, Answers.Yes("NDA")));

        Assert.Empty(result.KnockOuts);
        Assert.Equal(RiskTier.Low, result.Tier);
    }

    [Fact]
    public void Score_WhenInvertedQuestionKnocksOutOnYes_TriggersOnTheRawYesAnswer()
    {
        var question = Templates.YesNo("LIT", inverted: true).With(q => q.KnockOut = new KnockOutRule { YesNo = true });

        var result = ScoringEngine.Score(LowRiskInput(KnockOutTemplate(question), Answers.Yes("LIT")));

        Assert.Equal("Yes", Assert.Single(result.KnockOuts).TriggeringAnswer);
    }

    [Fact]
    public void Score_WhenSingleChoiceKnockOutOptionChosen_Triggers()
    {
        var question = Templates.SingleChoice("LAW", 1, ("A", 1), ("B", 0.5), ("C", 0))
            .With(q => q.KnockOut = new KnockOutRule { Options = ["C"] });

        var result = ScoringEngine.Score(LowRiskInput(KnockOutTemplate(question), Answers.Options("LAW", "C")));

        Assert.Equal("Option C", Assert.Single(result.KnockOuts).TriggeringAnswer);
        Assert.Equal(RiskTier.Critical, result.Tier);
    }

    [Fact]
    public void Score_WhenAnyChosenMultipleChoiceOptionIsAKnockOut_Triggers()
    {
        var question = Templates.MultipleChoice("SUB", 1, ("A", 0.5), ("B", 0.5), ("X", 0))
            .With(q => q.KnockOut = new KnockOutRule { Options = ["X"] });

        var result = ScoringEngine.Score(LowRiskInput(KnockOutTemplate(question), Answers.Options("SUB", "A", "X")));

        Assert.Equal(RiskTier.Critical, result.Tier);
    }

    [Fact]
    public void Score_WhenNoChosenOptionIsAKnockOut_DoesNotTrigger()
    {
        var question = Templates.MultipleChoice("SUB", 1, ("A", 0.5), ("B", 0.5), ("X", 0))
            .With(q => q.KnockOut = new KnockOutRule { Options = ["X"] });

        var result = ScoringEngine.Score(LowRiskInput(KnockOutTemplate(question), Answers.Options("SUB", "A", "B")));

        Assert.Empty(result.KnockOuts);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Score_WhenMaturityKnockOutIsAtOrBelowLevelOne_TriggersOnlyAtOrBelowIt(int level, bool triggers)
    {
        var question = Templates.Maturity("SEC").With(q => q.KnockOut = new KnockOutRule { MaturityAtOrBelow = 1 });

        var result = ScoringEngine.Score(LowRiskInput(KnockOutTemplate(question), Answers.Maturity("SEC", level)));

        Assert.Equal(triggers, result.KnockOuts.Count == 1);
        if (triggers)
        {
            Assert.Equal($"Level {level} ({MaturityScale.Names[level]})", result.KnockOuts[0].TriggeringAnswer);
        }
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Score_WhenDateKnockOutDateIsOnOrBeforeAsOf_Triggers(int daysAfterAsOf, bool triggers)
    {
        var question = Templates.Date("ISO").With(q => q.KnockOut = new KnockOutRule { DateOnOrBeforeAsOf = true });

        var result = ScoringEngine.Score(LowRiskInput(KnockOutTemplate(question), Answers.Date("ISO", Scores.AsOf.AddDays(daysAfterAsOf))));

        Assert.Equal(triggers, result.KnockOuts.Count == 1);
    }

    [Fact]
    public void Score_WhenKnockOutIsWaived_ListsItAsWaivedAndKeepsTheTierOfTheScore()
    {
        var template = KnockOutTemplate(Templates.YesNo("NDA").With(q => q.KnockOut = new KnockOutRule { YesNo = false }));
        var input = LowRiskInput(template, Answers.No("NDA")) with { WaivedKnockOuts = ["NDA"] };

        var result = ScoringEngine.Score(input);

        Assert.True(Assert.Single(result.KnockOuts).Waived);
        Assert.False(result.HasUnwaivedKnockOut);
        Assert.Equal(RiskTier.Low, result.Tier);
        Assert.Equal(Recommendation.Proceed, result.Recommendation);
    }

    [Fact]
    public void Score_WhenKnockOutQuestionIsUnanswered_DoesNotTrigger()
    {
        var template = KnockOutTemplate(Templates.YesNo("NDA").With(q => q.KnockOut = new KnockOutRule { YesNo = false }));

        var result = ScoringEngine.Score(LowRiskInput(template));

        Assert.Empty(result.KnockOuts);
    }

    [Fact]
    public void Score_WhenKnockOutQuestionIsNotApplicable_DoesNotTrigger()
    {
        var question = Templates.Maturity("SEC").With(q =>
        {
            q.AllowNotApplicable = true;
            q.KnockOut = new KnockOutRule { MaturityAtOrBelow = 4 };
        });

        var result = ScoringEngine.Score(LowRiskInput(KnockOutTemplate(question), Answers.NotApplicable("SEC") with { Maturity = 0 }));

        Assert.Empty(result.KnockOuts);
    }

    [Fact]
    public void Score_WhenKnockOutsAreSwitchedOffInThePolicy_IgnoresThem()
    {
        var template = KnockOutTemplate(Templates.YesNo("NDA").With(q => q.KnockOut = new KnockOutRule { YesNo = false }));
        var input = LowRiskInput(template, Answers.No("NDA")) with { Policy = ScoringPolicy.Default with { KnockOutsEnabled = false } };

        var result = ScoringEngine.Score(input);

        Assert.Empty(result.KnockOuts);
        Assert.Equal(RiskTier.Low, result.Tier);
    }

    [Fact]
    public void Score_WhenSeveralKnockOutsTrigger_ListsThemAllInTemplateOrderWithMitigation()
    {
        var template = Templates.Of(
            Templates.Section("A", 1, Templates.YesNo("K1").With(q => q.KnockOut = new KnockOutRule { YesNo = false })),
            Templates.Section("B", 1, Templates.YesNo("K2").With(q => q.KnockOut = new KnockOutRule { YesNo = false })));
        var input = LowRiskInput(template, Answers.No("K2"), Answers.No("K1")) with { WaivedKnockOuts = ["K2"] };

        var result = ScoringEngine.Score(input);

        Assert.Equal(["K1", "K2"], result.KnockOuts.Select(k => k.QuestionCode));
        Assert.Equal(["A", "B"], result.KnockOuts.Select(k => k.SectionCode));
        Assert.Equal("Mitigate K1.", result.KnockOuts[0].Mitigation);
        Assert.Equal(RiskTier.Critical, result.Tier);
    }

    /// <summary>The knock-out question plus plenty of strong answers, so that the score alone would be Low.</summary>
    private static TemplateDefinition KnockOutTemplate(QuestionDefinition question)
    {
        return Templates.Of(Templates.Section("S", 1, question, Templates.YesNo("STRONG", weight: 100)));
    }

    private static ScoringInput LowRiskInput(TemplateDefinition template, params Answer[] answers)
    {
        return Scores.Input(template, [.. answers, Answers.Yes("STRONG")]) with { MaxSensitivity = 1 };
    }
}
