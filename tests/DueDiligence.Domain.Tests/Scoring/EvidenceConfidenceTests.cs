using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §2: evidence confidence c and the credited rating r′ = r × c.</summary>
public sealed class EvidenceConfidenceTests
{
    private static readonly DateOnly AsOf = Scores.AsOf;

    [Fact]
    public void Score_WhenEvidenceNotRequired_CreditsTheFullRating()
    {
        var score = Scores.OfQuestion(Templates.YesNo("Q"), Answers.Yes("Q"));

        Assert.Equal(1, score.Confidence);
        Assert.Equal(1, score.CreditedRating);
        Assert.Equal(EvidenceStatus.NotRequired, score.Evidence);
    }

    [Fact]
    public void Score_WhenVerifiedEvidenceAttached_CreditsConfidenceOne()
    {
        var score = ScoreWithEvidence(new EvidenceItem(Verified: true));

        Assert.Equal(1.0, score.Confidence);
        Assert.Equal(1.0, score.CreditedRating);
        Assert.Equal(EvidenceStatus.Verified, score.Evidence);
    }

    [Fact]
    public void Score_WhenEvidenceAttachedButUnverified_CreditsConfidencePointEight()
    {
        var score = ScoreWithEvidence(new EvidenceItem(Verified: false));

        Assert.Equal(0.8, score.Confidence);
        Assert.Equal(0.8, score.CreditedRating);
        Assert.Equal(EvidenceStatus.Unverified, score.Evidence);
    }

    [Fact]
    public void Score_WhenNoEvidenceAttached_CreditsConfidenceHalf()
    {
        var score = ScoreWithEvidence();

        Assert.Equal(0.5, score.Confidence);
        Assert.Equal(0.5, score.CreditedRating);
        Assert.Equal(EvidenceStatus.Missing, score.Evidence);
    }

    [Fact]
    public void Score_WhenAnyAttachedItemIsVerified_CreditsConfidenceOne()
    {
        var score = ScoreWithEvidence(new EvidenceItem(false), new EvidenceItem(true));

        Assert.Equal(1.0, score.Confidence);
    }

    [Fact]
    public void Score_WhenTheOnlyEvidenceExpiredBeforeAsOf_CountsItAsNotAttached()
    {
        var score = ScoreWithEvidence(new EvidenceItem(true, AsOf.AddDays(-1)));

        Assert.Equal(0.5, score.Confidence);
        Assert.Equal(EvidenceStatus.Missing, score.Evidence);
    }

    [Fact]
    public void Score_WhenEvidenceExpiresOnTheAsOfDate_CountsItAsNotAttached()
    {
        var score = ScoreWithEvidence(new EvidenceItem(true, AsOf));

        Assert.Equal(0.5, score.Confidence);
    }

    [Fact]
    public void Score_WhenEvidenceExpiresTheDayAfterAsOf_CountsIt()
    {
        var score = ScoreWithEvidence(new EvidenceItem(true, AsOf.AddDays(1)));

        Assert.Equal(1.0, score.Confidence);
    }

    [Fact]
    public void Score_WhenVerifiedEvidenceExpiredButUnverifiedEvidenceIsCurrent_CreditsPointEight()
    {
        var score = ScoreWithEvidence(new EvidenceItem(true, AsOf.AddDays(-10)), new EvidenceItem(false, AsOf.AddDays(10)));

        Assert.Equal(0.8, score.Confidence);
    }

    [Fact]
    public void Score_WhenEvidenceConfidenceIsSwitchedOff_CreditsTheFullRating()
    {
        var policy = ScoringPolicy.Default with { EvidenceConfidenceEnabled = false };
        var question = Templates.YesNo("Q").With(q => q.EvidenceRequired = true);

        var score = Scores.OfQuestion(question, Answers.Yes("Q"), policy: policy);

        Assert.Equal(1.0, score.CreditedRating);
        Assert.Equal(EvidenceStatus.Missing, score.Evidence);
    }

    [Fact]
    public void Score_WhenEvidenceRequiredAndRatingHalf_MultipliesRatingByConfidence()
    {
        var question = Templates.Maturity("Q").With(q => q.EvidenceRequired = true);

        var score = Scores.OfQuestion(question, Answers.Maturity("Q", 2), [new EvidenceState("Q", [new EvidenceItem(false)])]);

        Assert.Equal(0.5, score.Rating);
        Assert.Equal(0.4, score.CreditedRating!.Value, 12);
    }

    private static QuestionScore ScoreWithEvidence(params EvidenceItem[] items)
    {
        var question = Templates.YesNo("Q").With(q => q.EvidenceRequired = true);
        return Scores.OfQuestion(question, Answers.Yes("Q"), items.Length == 0 ? [] : [new EvidenceState("Q", items)]);
    }
}
