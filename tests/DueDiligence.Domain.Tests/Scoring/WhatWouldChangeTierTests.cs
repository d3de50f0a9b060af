using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §7: which single answers would reduce the residual risk most.</summary>
public sealed class WhatWouldChangeTierTests
{
    [Fact]
    public void Score_WhenQuestionsAreStrongNotApplicableOrUnscored_LeavesThemOutOfTheList()
    {
        var template = Templates.Of(Templates.Section("S", 1,
            Templates.YesNo("STRONG"),
            Templates.YesNo("WEAK"),
            Templates.YesNo("UNANSWERED"),
            Templates.YesNo("NA").With(q => q.AllowNotApplicable = true),
            Templates.Text("NOTE"),
            Templates.Text("RATED")));

        var result = Scores.Of(template,
            Answers.Yes("STRONG"), Answers.No("WEAK"), Answers.NotApplicable("NA"),
            Answers.Text("NOTE", "free text"), Answers.Text("RATED", "partly", 0.5));

        Assert.Equal(["WEAK", "UNANSWERED", "RATED"], result.WhatWouldChangeTier.Select(c => c.QuestionCode));
    }

    [Fact]
    public void Score_WhenYesIsOnlyUnverified_ListsTheQuestionBecauseVerifiedEvidenceWouldRaiseIt()
    {
        var template = Templates.Single(Templates.YesNo("Q").With(q => q.EvidenceRequired = true));

        var result = Scores.Of(template, Answers.Yes("Q"));

        var change = Assert.Single(result.WhatWouldChangeTier);
        Assert.Equal(result.InherentRisk * 0.2, change.ResidualRisk, 9);
    }

    [Fact]
    public void Score_WhenQuestionsDiffer_RanksThemByReductionLargestFirst()
    {
        var template = Templates.Of(
            Templates.Section("A", 1, Templates.YesNo("SMALL", 1), Templates.YesNo("FILL", 9)),
            Templates.Section("B", 1, Templates.YesNo("BIG", 1)));

        var result = Scores.Of(template, Answers.No("SMALL"), Answers.Yes("FILL"), Answers.No("BIG"));

        Assert.Equal(["BIG", "SMALL"], result.WhatWouldChangeTier.Select(c => c.QuestionCode));
        Assert.True(result.WhatWouldChangeTier[0].Reduction > result.WhatWouldChangeTier[1].Reduction);
        Assert.All(result.WhatWouldChangeTier, c => Assert.Equal(result.ResidualRisk - c.ResidualRisk, c.Reduction, 12));
    }

    [Fact]
    public void Score_WhenReductionsTie_KeepsTemplateOrder()
    {
        var template = Templates.Of(
            Templates.Section("S1", 1, Templates.YesNo("Z", 2), Templates.Maturity("M", 2)),
            Templates.Section("S2", 1, Templates.YesNo("A", 2), Templates.Maturity("B", 2)));

        var result = Scores.Of(template, Answers.No("Z"), Answers.Maturity("M", 4), Answers.No("A"), Answers.Maturity("B", 4));

        Assert.Equal(["Z", "A"], result.WhatWouldChangeTier.Select(c => c.QuestionCode));
        Assert.Equal(result.WhatWouldChangeTier[0].Reduction, result.WhatWouldChangeTier[1].Reduction, 12);
    }

    [Fact]
    public void Score_WhenTheOnlyKnockOutIsTheQuestionItself_ReachesTheTierOfTheImprovedScore()
    {
        var template = Templates.Of(Templates.Section("S", 1,
            Templates.YesNo("KO", 10).With(q => q.KnockOut = new KnockOutRule { YesNo = false }),
            Templates.YesNo("OK", 1)));

        var result = Scores.Of(template, Answers.No("KO"), Answers.Yes("OK"));

        Assert.Equal(RiskTier.Critical, result.Tier);
        var change = Assert.Single(result.WhatWouldChangeTier);
        Assert.Equal("KO", change.QuestionCode);
        Assert.Equal(RiskTier.Low, change.TierReached);
        Assert.Equal("Mitigate KO.", change.Mitigation);
    }

    [Fact]
    public void Score_WhenAnotherKnockOutRemains_StillReachesCritical()
    {
        var template = Templates.Of(Templates.Section("S", 1,
            Templates.YesNo("KO1", 10).With(q => q.KnockOut = new KnockOutRule { YesNo = false }),
            Templates.YesNo("KO2", 1).With(q => q.KnockOut = new KnockOutRule { YesNo = false })));

        var result = Scores.Of(template, Answers.No("KO1"), Answers.No("KO2"));

        Assert.All(result.WhatWouldChangeTier, c => Assert.Equal(RiskTier.Critical, c.TierReached));
    }

    [Fact]
    public void Score_WhenTheOtherKnockOutIsWaived_DoesNotCountItForTheTierReached()
    {
        var template = Templates.Of(Templates.Section("S", 1,
            Templates.YesNo("KO1", 10).With(q => q.KnockOut = new KnockOutRule { YesNo = false }),
            Templates.YesNo("KO2", 1).With(q => q.KnockOut = new KnockOutRule { YesNo = false })));
        var input = Scores.Input(template, Answers.No("KO1"), Answers.No("KO2")) with { WaivedKnockOuts = ["KO2"] };

        var result = ScoringEngine.Score(input);

        Assert.Equal(RiskTier.Medium, result.WhatWouldChangeTier[0].TierReached);
    }

    [Fact]
    public void Score_WhenListed_GivesTheSectionOfEachQuestion()
    {
        var result = ScoringEngine.Score(WorkedExampleTests.WorkedExample.Input());

        Assert.Equal(["B", "A", "A"], result.WhatWouldChangeTier.Select(c => c.SectionCode));
        Assert.Equal("Section B", result.WhatWouldChangeTier[0].SectionTitle);
    }
}
