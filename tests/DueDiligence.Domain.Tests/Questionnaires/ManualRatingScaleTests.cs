using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Tests.Questionnaires;

public sealed class ManualRatingScaleTests
{
    [Fact]
    public void Steps_AreTheScoringModelsRatingSteps()
    {
        Assert.Equal(Answer.ManualRatingSteps, ManualRatingScale.Steps.Select(s => s.Rating));
    }

    [Fact]
    public void Describe_NamesEveryStepFromNoneToFull()
    {
        Assert.Equal(["0 — none", "0.25 — limited", "0.5 — partial", "0.75 — substantial", "1 — full"], Answer.ManualRatingSteps.Select(ManualRatingScale.Describe));
    }

    [Fact]
    public void InWords_WhenTheValueIsNotAStep_GivesTheNumberAlone()
    {
        Assert.Equal("0.5 (partial)", ManualRatingScale.InWords(0.5));
        Assert.Equal("0.6", ManualRatingScale.InWords(0.6));
    }

    [Fact]
    public void Legend_ListsEveryStepInOrder()
    {
        Assert.Equal("0 none · 0.25 limited · 0.5 partial · 0.75 substantial · 1 full", ManualRatingScale.Legend);
    }
}
