using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>The analyst withdraws a file with a reason while drafting, or dates it after upload; a withdrawn file is kept but no longer counts.</summary>
public sealed class EvidenceWithdrawalTests
{
    private const string Reason = "Superseded by the renewed certificate.";

    [Fact]
    public void WithdrawEvidence_WhenDraft_MarksTheFileWithReasonWhoAndWhenAndKeepsIt()
    {
        var assessment = CompletedDraft();
        var file = assessment.Evidence.Single();
        var version = assessment.Version;

        assessment.WithdrawEvidence(file.Id, "  " + Reason + " ", Analyst, At(5));

        var kept = Assert.Single(assessment.Evidence);
        Assert.True(kept.IsWithdrawn);
        Assert.Equal(Reason, kept.WithdrawalReason);
        Assert.Equal(("u-analyst", "Ana Analyst", At(5)), (kept.WithdrawnById, kept.WithdrawnByName, kept.WithdrawnAtUtc));
        Assert.Equal(Sha256, kept.Sha256);
        Assert.NotEqual(version, assessment.Version);
    }

    [Fact]
    public void WithdrawEvidence_WhenTheReasonIsBlank_RefusesAndChangesNothing()
    {
        var assessment = CompletedDraft();
        var file = assessment.Evidence.Single();

        var error = Assert.Throws<DomainException>(() => assessment.WithdrawEvidence(file.Id, " ", Analyst, At(5)));

        Assert.Equal("Say why “nda-signed.pdf” is withdrawn (for example: superseded by a newer certificate).", error.Message);
        Assert.False(file.IsWithdrawn);
    }

    [Fact]
    public void WithdrawEvidence_WhenAlreadyWithdrawn_SaysByWhomAndWhen()
    {
        var assessment = CompletedDraft();
        var file = assessment.Evidence.Single();
        assessment.WithdrawEvidence(file.Id, Reason, Analyst, At(5));

        var error = Assert.Throws<DomainException>(() => assessment.WithdrawEvidence(file.Id, "Again.", Analyst, At(6)));

        Assert.Equal("“nda-signed.pdf” was already withdrawn by Ana Analyst at 2026-03-02 09:05 UTC.", error.Message);
    }

    [Theory]
    [InlineData(AssessmentStatus.Submitted)]
    [InlineData(AssessmentStatus.LegalReview)]
    public void WithdrawEvidence_WhenNotADraft_Refuses(AssessmentStatus status)
    {
        var assessment = InStatus(status);
        var file = assessment.Evidence.Single();

        var error = Assert.Throws<DomainException>(() => assessment.WithdrawEvidence(file.Id, Reason, Analyst, At(30)));

        Assert.StartsWith("Evidence can only be withdrawn while the assessment is a draft;", error.Message, StringComparison.Ordinal);
        Assert.False(file.IsWithdrawn);
    }

    [Fact]
    public void WithdrawEvidence_WhenItWasTheOnlyFile_TheQuestionIsMissingItsEvidenceAndTheScoreDrops()
    {
        var assessment = CompletedDraft();
        var before = ScoreOf(assessment, At(5));

        assessment.WithdrawEvidence(assessment.Evidence.Single().Id, Reason, Analyst, At(5));

        var missing = Assert.Single(assessment.MissingForSubmission(Today));
        Assert.Equal(("q1", MissingReason.EvidenceMissing), (missing.QuestionCode, missing.Reason));
        Assert.Empty(assessment.ToEvidenceStates());
        var after = ScoreOf(assessment, At(5));
        Assert.Equal(0.5, after.Sections.SelectMany(s => s.Questions).Single(q => q.Code == "q1").Confidence);
        Assert.True(after.ResidualRisk > before.ResidualRisk);
        Assert.Throws<SubmissionIncompleteException>(() => assessment.Submit(after, Analyst, At(6)));
    }

    [Fact]
    public void VerifyEvidence_WhenTheFileWasWithdrawn_Refuses()
    {
        var assessment = CompletedDraft();
        var withdrawn = assessment.WithdrawEvidence(assessment.Evidence.Single().Id, Reason, Analyst, At(5));
        assessment.AttachEvidence(Upload("q1", fileName: "nda-renewed.pdf"), Analyst, At(6));
        assessment.Submit(ScoreOf(assessment, At(7)), Analyst, At(7));
        assessment.StartLegalReview(Legal, At(8));

        var error = Assert.Throws<DomainException>(() => assessment.VerifyEvidence(withdrawn.Id, Legal, At(9)));

        Assert.Equal("“nda-signed.pdf” was withdrawn by Ana Analyst; it is no longer evidence.", error.Message);
    }

    [Fact]
    public void ChangeEvidenceExpiry_AfterUpload_SetsChangesAndClearsTheDate()
    {
        var assessment = CompletedDraft();
        var file = assessment.Evidence.Single();

        assessment.ChangeEvidenceExpiry(file.Id, Today.AddDays(30), Analyst, At(5));
        Assert.Equal(Today.AddDays(30), file.ExpiresOn);

        assessment.ChangeEvidenceExpiry(file.Id, null, Analyst, At(6));
        Assert.Null(file.ExpiresOn);
    }

    [Fact]
    public void ChangeEvidenceExpiry_WhenTheDateIsTodayOrEarlier_RefusesWithWhatToDo()
    {
        var assessment = CompletedDraft();
        var file = assessment.Evidence.Single();

        var error = Assert.Throws<DomainException>(() => assessment.ChangeEvidenceExpiry(file.Id, Today, Analyst, At(5)));

        Assert.Equal(
            "An expiry date of 2026-03-02 means “nda-signed.pdf” no longer counts as evidence; choose a later date, or withdraw the file and upload a current document.",
            error.Message);
        Assert.Null(file.ExpiresOn);
    }

    [Fact]
    public void ChangeEvidenceExpiry_WhenWithdrawn_Refuses()
    {
        var assessment = CompletedDraft();
        var file = assessment.WithdrawEvidence(assessment.Evidence.Single().Id, Reason, Analyst, At(5));

        var error = Assert.Throws<DomainException>(() => assessment.ChangeEvidenceExpiry(file.Id, Today.AddYears(1), Analyst, At(6)));

        Assert.Equal("“nda-signed.pdf” was withdrawn; its expiry date no longer matters.", error.Message);
    }

    [Fact]
    public void ApplySavedAnswer_TakesTheSavedVersionSoThatTheNextSaveFromThatVersionPasses()
    {
        var assessment = NewDraft();
        var saved = Guid.NewGuid();

        var answer = assessment.ApplySavedAnswer(Input("q1") with { YesNo = true }, Analyst, At(1), saved);

        Assert.Equal(saved, answer.Version);
        assessment.RecordAnswer(Input("q1") with { YesNo = false }, Analyst, At(2), saved);
        Assert.False(assessment.AnswerTo("q1")!.YesNo);
    }
}
