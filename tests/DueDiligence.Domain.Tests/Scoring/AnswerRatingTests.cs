using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §1: the rating r of each question type.</summary>
public sealed class AnswerRatingTests
{
    [Theory]
    [InlineData(false, true, 1.0)]
    [InlineData(false, false, 0.0)]
    [InlineData(true, true, 0.0)]
    [InlineData(true, false, 1.0)]
    public void Score_WhenYesNoAnswered_RatesYesOneNoZeroAndInvertedTheOtherWayRound(bool inverted, bool yes, double expected)
    {
        var question = Templates.YesNo("Q", inverted: inverted);

        var score = Scores.OfQuestion(question, yes ? Answers.Yes("Q") : Answers.No("Q"));

        Assert.Equal(expected, score.Rating);
        Assert.Equal(QuestionStatus.Answered, score.Status);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.25)]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.75)]
    [InlineData(4, 1.0)]
    public void Score_WhenMaturityAnswered_RatesLevelOverFour(int level, double expected)
    {
        var score = Scores.OfQuestion(Templates.Maturity("Q"), Answers.Maturity("Q", level));

        Assert.Equal(expected, score.Rating);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Score_WhenMaturityLevelOutsideScale_CountsAsUnanswered(int level)
    {
        var score = Scores.OfQuestion(Templates.Maturity("Q"), Answers.Maturity("Q", level));

        Assert.Equal(QuestionStatus.Unanswered, score.Status);
        Assert.Equal(0, score.Rating);
    }

    [Theory]
    [InlineData("A", 0.0)]
    [InlineData("B", 0.25)]
    [InlineData("C", 1.0)]
    public void Score_WhenSingleChoiceAnswered_RatesTheChosenOptionsPoints(string option, double expected)
    {
        var question = Templates.SingleChoice("Q", 1, ("A", 0), ("B", 0.25), ("C", 1));

        var score = Scores.OfQuestion(question, Answers.Options("Q", option));

        Assert.Equal(expected, score.Rating);
    }

    [Fact]
    public void Score_WhenSingleChoiceNamesUnknownOption_CountsAsUnanswered()
    {
        var question = Templates.SingleChoice("Q", 1, ("A", 0.5), ("B", 1));

        var score = Scores.OfQuestion(question, Answers.Options("Q", "Z"));

        Assert.Equal(QuestionStatus.Unanswered, score.Status);
        Assert.False(score.HasAnswer);
    }

    [Fact]
    public void Score_WhenSingleChoiceHasTwoOptionsChosen_CountsAsUnanswered()
    {
        var question = Templates.SingleChoice("Q", 1, ("A", 0.5), ("B", 1));

        var score = Scores.OfQuestion(question, Answers.Options("Q", "A", "B"));

        Assert.Equal(QuestionStatus.Unanswered, score.Status);
    }

    [Theory]
    [InlineData(new[] { "A" }, 0.25)]
    [InlineData(new[] { "A", "B" }, 0.75)]
    [InlineData(new[] { "A", "B", "C" }, 1.0)]
    [InlineData(new[] { "B", "C" }, 1.0)]
    public void Score_WhenMultipleChoiceAnswered_RatesSumOfPointsCappedAtOne(string[] chosen, double expected)
    {
        var question = Templates.MultipleChoice("Q", 1, ("A", 0.25), ("B", 0.5), ("C", 0.75));

        var score = Scores.OfQuestion(question, Answers.Options("Q", chosen));

        Assert.Equal(expected, score.Rating);
    }

    [Fact]
    public void Score_WhenMultipleChoiceRepeatsAnOption_CountsItOnce()
    {
        var question = Templates.MultipleChoice("Q", 1, ("A", 0.25), ("B", 0.5));

        var score = Scores.OfQuestion(question, Answers.Options("Q", "A", "A"));

        Assert.Equal(0.25, score.Rating);
    }

    [Fact]
    public void Score_WhenMultipleChoiceMixesKnownAndUnknownOptions_IgnoresTheUnknown()
    {
        var question = Templates.MultipleChoice("Q", 1, ("A", 0.25), ("B", 0.5));

        var score = Scores.OfQuestion(question, Answers.Options("Q", "A", "Z"));

        Assert.Equal(0.25, score.Rating);
    }

    [Fact]
    public void Score_WhenMultipleChoiceHasNothingChosen_CountsAsUnanswered()
    {
        var question = Templates.MultipleChoice("Q", 1, ("A", 0.25), ("B", 0.5));

        var score = Scores.OfQuestion(question, Answers.Options("Q"));

        Assert.Equal(QuestionStatus.Unanswered, score.Status);
    }

    [Theory]
    [InlineData(-3, 0.0)]
    [InlineData(0, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(2.01, 0.5)]
    [InlineData(5, 0.5)]
    [InlineData(5.5, 1.0)]
    [InlineData(1000, 1.0)]
    public void Score_WhenNumberAnswered_RatesTheFirstBandWhoseBoundIsAtOrAboveTheValue(double value, double expected)
    {
        var question = Templates.Number("Q", 1, (2, 0), (5, 0.5), (null, 1));

        var score = Scores.OfQuestion(question, Answers.Number("Q", value));

        Assert.Equal(expected, score.Rating);
    }

    [Fact]
    public void Score_WhenNumberIsNotFinite_CountsAsUnanswered()
    {
        var question = Templates.Number("Q", 1, (2, 0), (null, 1));

        var score = Scores.OfQuestion(question, Answers.Number("Q", double.NaN));

        Assert.Equal(QuestionStatus.Unanswered, score.Status);
    }

    [Theory]
    [InlineData(365, 1.0)]
    [InlineData(90, 1.0)]
    [InlineData(89, 0.5)]
    [InlineData(1, 0.5)]
    [InlineData(0, 0.0)]
    [InlineData(-30, 0.0)]
    public void Score_WhenDateAnswered_RatesOneFrom90DaysHalfBeforeAndZeroOnOrBeforeAsOf(int daysAfterAsOf, double expected)
    {
        var score = Scores.OfQuestion(Templates.Date("Q"), Answers.Date("Q", Scores.AsOf.AddDays(daysAfterAsOf)));

        Assert.Equal(expected, score.Rating);
    }

    [Fact]
    public void Score_WhenTextAnsweredWithoutManualRating_LeavesItUnscored()
    {
        var template = Templates.Of(Templates.Section("S", 1, Templates.YesNo("Y"), Templates.Text("T")));

        var result = Scores.Of(template, Answers.Yes("Y"), Answers.Text("T", "We use a clean-desk policy."));

        var text = result.Sections[0].Questions[1];
        Assert.Equal(QuestionStatus.Unscored, text.Status);
        Assert.True(text.HasAnswer);
        Assert.Null(text.Rating);
        Assert.Equal(100, result.Sections[0].Score);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    public void Score_WhenTextHasManualRating_CountsItAsTheRating(double manualRating)
    {
        var template = Templates.Of(Templates.Section("S", 1, Templates.YesNo("Y"), Templates.Text("T")));

        var result = Scores.Of(template, Answers.Yes("Y"), Answers.Text("T", "Partly documented.", manualRating));

        Assert.Equal(manualRating, result.Sections[0].Questions[1].Rating);
        Assert.Equal(100 * (1 + manualRating) / 2, result.Sections[0].Score!.Value, 9);
    }

    [Fact]
    public void Score_WhenManualRatingIsNotAnAllowedStep_LeavesTheTextUnscored()
    {
        var score = Scores.OfQuestion(Templates.Text("T"), Answers.Text("T", "Some text", 0.3));

        Assert.Equal(QuestionStatus.Unscored, score.Status);
    }

    [Fact]
    public void Score_WhenScoredQuestionUnanswered_RatesZero()
    {
        var template = Templates.Of(Templates.Section("S", 1, Templates.YesNo("Y1"), Templates.YesNo("Y2")));

        var result = Scores.Of(template, Answers.Yes("Y1"));

        var unanswered = result.Sections[0].Questions[1];
        Assert.Equal(QuestionStatus.Unanswered, unanswered.Status);
        Assert.Equal(0, unanswered.Rating);
        Assert.Equal(50, result.Sections[0].Score);
    }

    [Fact]
    public void Score_WhenNotApplicableIsAllowed_LeavesTheQuestionOutOfBothSums()
    {
        var template = Templates.Of(Templates.Section("S", 1,
            Templates.YesNo("Y1"),
            Templates.YesNo("Y2", weight: 5).With(q => q.AllowNotApplicable = true)));

        var result = Scores.Of(template, Answers.Yes("Y1"), Answers.NotApplicable("Y2"));

        Assert.Equal(QuestionStatus.NotApplicable, result.Sections[0].Questions[1].Status);
        Assert.Equal(100, result.Sections[0].Score);
        Assert.Equal(1, result.Sections[0].CountedWeight);
    }

    [Fact]
    public void Score_WhenNotApplicableIsNotAllowed_IgnoresTheFlagAndCountsTheQuestionUnanswered()
    {
        var template = Templates.Of(Templates.Section("S", 1, Templates.YesNo("Y1"), Templates.YesNo("Y2")));

        var result = Scores.Of(template, Answers.Yes("Y1"), Answers.NotApplicable("Y2"));

        Assert.Equal(QuestionStatus.Unanswered, result.Sections[0].Questions[1].Status);
        Assert.Equal(50, result.Sections[0].Score);
    }
}
