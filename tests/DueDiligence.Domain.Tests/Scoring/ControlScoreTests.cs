using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §3: section scores, the control score C, completion and evidence coverage.</summary>
public sealed class ControlScoreTests
{
    [Fact]
    public void Score_WhenQuestionsHaveDifferentWeights_WeighsThemInTheSectionScore()
    {
        var template = Templates.Of(Templates.Section("S", 1, Templates.YesNo("Y1", 3), Templates.YesNo("Y2", 1)));

        var result = Scores.Of(template, Answers.Yes("Y1"), Answers.No("Y2"));

        Assert.Equal(75, result.Sections[0].Score);
        Assert.Equal(3, result.Sections[0].Questions[0].WeightedContribution);
        Assert.Equal(0, result.Sections[0].Questions[1].WeightedContribution);
    }

    [Fact]
    public void Score_WhenSectionsHaveDifferentWeights_WeighsThemInTheControlScore()
    {
        var template = Templates.Of(
            Templates.Section("A", 3, Templates.YesNo("Y1")),
            Templates.Section("B", 1, Templates.YesNo("Y2")));

        var result = Scores.Of(template, Answers.Yes("Y1"), Answers.No("Y2"));

        Assert.True(result.HasScore);
        Assert.Equal(75, result.ControlScore);
    }

    [Fact]
    public void Score_WhenSectionHasNoScoredApplicableQuestion_LeavesItOutOfTheControlScore()
    {
        var template = Templates.Of(
            Templates.Section("A", 1, Templates.YesNo("Y1")),
            Templates.Section("B", 9, Templates.YesNo("Y2").With(q => q.AllowNotApplicable = true), Templates.Text("T")));

        var result = Scores.Of(template, Answers.Yes("Y1"), Answers.NotApplicable("Y2"), Answers.Text("T", "note"));

        Assert.True(result.Sections[1].IsLeftOut);
        Assert.Null(result.Sections[1].Score);
        Assert.Equal(100, result.ControlScore);
    }

    [Fact]
    public void Score_WhenEverySectionIsLeftOut_ShowsNoScoreWithControlScoreZero()
    {
        var template = Templates.Of(Templates.Section("A", 1, Templates.YesNo("Y1").With(q => q.AllowNotApplicable = true)));

        var result = Scores.Of(template, Answers.NotApplicable("Y1"));

        Assert.False(result.HasScore);
        Assert.Equal(0, result.ControlScore);
        Assert.Equal(result.InherentRisk, result.ResidualRisk);
        Assert.Empty(result.WhatWouldChangeTier);
    }

    [Fact]
    public void Score_WhenSomeRequiredQuestionsAreUnanswered_ReportsCompletionAsTheAnsweredShare()
    {
        var template = Templates.Of(Templates.Section("A", 1, Templates.YesNo("Y1"), Templates.YesNo("Y2"), Templates.Maturity("M")));

        var result = Scores.Of(template, Answers.No("Y1"), Answers.Maturity("M", 0));

        Assert.Equal(2.0 / 3, result.Completion, 12);
    }

    [Fact]
    public void Score_WhenRequiredQuestionIsNotApplicable_LeavesItOutOfCompletion()
    {
        var template = Templates.Of(Templates.Section("A", 1,
            Templates.YesNo("Y1"),
            Templates.YesNo("Y2").With(q => q.AllowNotApplicable = true)));

        var result = Scores.Of(template, Answers.Yes("Y1"), Answers.NotApplicable("Y2"));

        Assert.Equal(1.0, result.Completion);
    }

    [Fact]
    public void Score_WhenRequiredTextIsAnsweredWithoutRating_CountsItAsAnsweredForCompletion()
    {
        var template = Templates.Of(Templates.Section("A", 1, Templates.YesNo("Y1"), Templates.Text("T"), Templates.Text("T2")));

        var result = Scores.Of(template, Answers.Yes("Y1"), Answers.Text("T", "Described in the NDA."));

        Assert.Equal(2.0 / 3, result.Completion, 12);
    }

    [Fact]
    public void Score_WhenOptionalQuestionsAreUnanswered_LeavesThemOutOfCompletion()
    {
        var template = Templates.Of(Templates.Section("A", 1,
            Templates.YesNo("Y1"),
            Templates.YesNo("Y2").With(q => q.Required = false)));

        var result = Scores.Of(template, Answers.Yes("Y1"));

        Assert.Equal(1.0, result.Completion);
    }

    [Fact]
    public void Score_WhenNoQuestionIsRequired_ReportsFullCompletion()
    {
        var template = Templates.Of(Templates.Section("A", 1, Templates.YesNo("Y1").With(q => q.Required = false)));

        var result = Scores.Of(template);

        Assert.Equal(1.0, result.Completion);
    }

    [Fact]
    public void Score_WhenSomeEvidenceRequiredQuestionsHaveCurrentEvidence_ReportsCoverageAsTheirShare()
    {
        var template = Templates.Of(Templates.Section("A", 1,
            Templates.YesNo("Y1").With(q => q.EvidenceRequired = true),
            Templates.YesNo("Y2").With(q => q.EvidenceRequired = true),
            Templates.YesNo("Y3").With(q => q.EvidenceRequired = true),
            Templates.YesNo("Y4").With(q => q.EvidenceRequired = true),
            Templates.YesNo("Y5")));
        var input = Scores.Input(template, Answers.Yes("Y1"), Answers.Yes("Y2"), Answers.Yes("Y3")) with
        {
            Evidence =
            [
                new EvidenceState("Y1", [new EvidenceItem(true)]),
                new EvidenceState("Y2", [new EvidenceItem(false)]),
                new EvidenceState("Y3", [new EvidenceItem(true, Scores.AsOf)]),
            ],
        };

        var result = ScoringEngine.Score(input);

        Assert.Equal(0.5, result.EvidenceCoverage);
    }

    [Fact]
    public void Score_WhenEvidenceRequiredQuestionIsNotApplicable_LeavesItOutOfCoverage()
    {
        var template = Templates.Of(Templates.Section("A", 1,
            Templates.YesNo("Y1").With(q => q.EvidenceRequired = true),
            Templates.YesNo("Y2").With(q => { q.EvidenceRequired = true; q.AllowNotApplicable = true; })));
        var input = Scores.Input(template, Answers.Yes("Y1"), Answers.NotApplicable("Y2")) with
        {
            Evidence = [new EvidenceState("Y1", [new EvidenceItem(false)])],
        };

        var result = ScoringEngine.Score(input);

        Assert.Equal(1.0, result.EvidenceCoverage);
    }

    [Fact]
    public void Score_WhenNoQuestionRequiresEvidence_ReportsCoverageAsNotApplicable()
    {
        var result = Scores.Of(Templates.Single(Templates.YesNo("Y1")), Answers.Yes("Y1"));

        Assert.Null(result.EvidenceCoverage);
    }

    [Fact]
    public void Score_WhenTwoEvidenceEntriesShareAQuestionCode_Throws()
    {
        var input = Scores.Input(Templates.Single(Templates.YesNo("Y1").With(q => q.EvidenceRequired = true)), Answers.Yes("Y1")) with
        {
            Evidence = [new EvidenceState("Y1", []), new EvidenceState("Y1", [new EvidenceItem(true)])],
        };

        var error = Assert.Throws<ArgumentException>(() => ScoringEngine.Score(input));

        Assert.Contains("evidence entry for question 'Y1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_WhenAnswersAreForUnknownQuestions_IgnoresThem()
    {
        var result = Scores.Of(Templates.Single(Templates.YesNo("Y1")), Answers.Yes("Y1"), Answers.No("OLD-7"));

        Assert.Equal(100, result.ControlScore);
    }

    [Fact]
    public void Score_WhenTwoAnswersShareAQuestionCode_Throws()
    {
        var input = Scores.Input(Templates.Single(Templates.YesNo("Y1")), Answers.Yes("Y1"), Answers.No("Y1"));

        var error = Assert.Throws<ArgumentException>(() => ScoringEngine.Score(input));

        Assert.Contains("Y1", error.Message, StringComparison.Ordinal);
    }
}
