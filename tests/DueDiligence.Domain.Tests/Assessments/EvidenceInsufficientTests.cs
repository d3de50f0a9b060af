using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>
/// SCORING.md §2 (policy 2026.2): only evidence neither withdrawn nor marked insufficient by legal counts as attached. A legal
/// reviewer marks a file insufficient with a reason during legal review; it stays, and stops counting.
/// </summary>
public sealed class EvidenceInsufficientTests
{
    private const string Reason = "The NDA is signed by a sister company, not the supplier.";

    [Fact]
    public void MarkEvidenceInsufficient_WhenInLegalReview_KeepsTheFileWithReasonWhoAndWhen()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var file = assessment.Evidence.Single();
        var version = assessment.Version;

        assessment.MarkEvidenceInsufficient(file.Id, " " + Reason + " ", Legal, At(25));

        Assert.True(file.IsInsufficient);
        Assert.False(file.CountsAsAttached);
        Assert.Equal((Reason, "u-legal", "Lee Legal", (DateTime?)At(25)), (file.InsufficientReason, file.InsufficientById, file.InsufficientByName, file.InsufficientAtUtc));
        Assert.NotEqual(version, assessment.Version);
    }

    [Fact]
    public void MarkEvidenceInsufficient_WhenTheFileWasTheOnlyOne_TheQuestionScoresAsWithoutEvidence()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var file = assessment.Evidence.Single();
        var before = ScoreOf(assessment, At(25));

        assessment.MarkEvidenceInsufficient(file.Id, Reason, Legal, At(25));

        var after = ScoreOf(assessment, At(25));
        Assert.Equal(0.8, Confidence(before));
        Assert.Equal(0.5, Confidence(after));
        Assert.Equal(EvidenceStatus.Missing, after.Sections.SelectMany(s => s.Questions).Single(q => q.Code == "q1").Evidence);
        Assert.True(after.ResidualRisk > before.ResidualRisk);
        Assert.Empty(assessment.ToEvidenceStates());
    }

    [Fact]
    public void MarkEvidenceInsufficient_WhenTheFileWasVerified_ItNoLongerCountsEither()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var file = assessment.Evidence.Single();
        assessment.VerifyEvidence(file.Id, Legal, At(21));
        Assert.Equal(1, Confidence(ScoreOf(assessment, At(22))));

        assessment.MarkEvidenceInsufficient(file.Id, Reason, Legal, At(22));

        Assert.Equal(0.5, Confidence(ScoreOf(assessment, At(22))));
    }

    [Fact]
    public void MarkEvidenceInsufficient_WhenTheReasonIsBlank_RefusesAndChangesNothing()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var file = assessment.Evidence.Single();

        var error = Assert.Throws<DomainException>(() => assessment.MarkEvidenceInsufficient(file.Id, "  ", Legal, At(25)));

        Assert.StartsWith("Say why “nda-signed.pdf” is insufficient", error.Message, StringComparison.Ordinal);
        Assert.True(file.CountsAsAttached);
    }

    [Fact]
    public void MarkEvidenceInsufficient_WhenAlreadyMarked_SaysByWhomAndWhen()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var file = assessment.Evidence.Single();
        assessment.MarkEvidenceInsufficient(file.Id, Reason, Legal, At(25));

        var error = Assert.Throws<DomainException>(() => assessment.MarkEvidenceInsufficient(file.Id, "Again.", Legal, At(26)));

        Assert.Equal("“nda-signed.pdf” was already marked insufficient by Lee Legal at 2026-03-02 09:25 UTC.", error.Message);
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft)]
    [InlineData(AssessmentStatus.Submitted)]
    [InlineData(AssessmentStatus.AwaitingDecision)]
    public void MarkEvidenceInsufficient_WhenNotInLegalReview_Refuses(AssessmentStatus status)
    {
        var assessment = InStatus(status);
        var file = assessment.Evidence.Single();

        var error = Assert.Throws<DomainException>(() => assessment.MarkEvidenceInsufficient(file.Id, Reason, Legal, At(50)));

        Assert.StartsWith("Evidence is marked insufficient during legal review", error.Message, StringComparison.Ordinal);
        Assert.False(file.IsInsufficient);
    }

    [Fact]
    public void VerifyEvidence_WhenTheFileWasMarkedInsufficient_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var file = assessment.Evidence.Single();
        assessment.MarkEvidenceInsufficient(file.Id, Reason, Legal, At(25));

        var error = Assert.Throws<DomainException>(() => assessment.VerifyEvidence(file.Id, Legal, At(26)));

        Assert.Equal("“nda-signed.pdf” was marked insufficient by Lee Legal; ask the analyst for a better document.", error.Message);
    }

    [Fact]
    public void MissingForSubmission_WhenReturnedToDraftWithTheOnlyFileInsufficient_AsksForEvidence()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        assessment.MarkEvidenceInsufficient(assessment.Evidence.Single().Id, Reason, Legal, At(25));
        assessment.ReturnToDraft("Bring the supplier's own NDA.", Legal, At(26));

        var missing = Assert.Single(assessment.MissingForSubmission(Today));

        Assert.Equal(("q1", MissingReason.EvidenceMissing), (missing.QuestionCode, missing.Reason));
    }

    [Fact]
    public void Score_WhenWithdrawnAndInsufficientFilesSitBesideACurrentOne_OnlyTheCurrentOneCounts()
    {
        var assessment = CompletedDraft();
        assessment.WithdrawEvidence(assessment.Evidence.Single().Id, "Superseded.", Analyst, At(2));
        assessment.AttachEvidence(Upload("q1", fileName: "nda-v2.pdf"), Analyst, At(3));
        assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10));
        assessment.StartLegalReview(Legal, At(20));
        var second = assessment.Evidence.Single(e => e.OriginalFileName == "nda-v2.pdf");
        assessment.VerifyEvidence(second.Id, Legal, At(21));

        assessment.MarkEvidenceInsufficient(second.Id, Reason, Legal, At(22));

        var score = ScoreOf(assessment, At(22));
        Assert.Equal(0.5, Confidence(score));
        Assert.Equal(0, score.EvidenceCoverage);
    }

    private static double? Confidence(ScoreResult score) => score.Sections.SelectMany(s => s.Questions).Single(q => q.Code == "q1").Confidence;
}
