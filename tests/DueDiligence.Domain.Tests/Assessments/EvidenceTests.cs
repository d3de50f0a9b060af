using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>Evidence is attached in draft, never altered after upload, and verified once during legal review.</summary>
public sealed class EvidenceTests
{
    [Fact]
    public void AttachEvidence_WhenDraft_RecordsTheFileWithUploaderAndExpiry()
    {
        var assessment = NewDraft();

        var file = assessment.AttachEvidence(
            Upload("q1", Today.AddYears(1)) with { Sha256 = Sha256.ToUpperInvariant() }, Analyst, At(2));

        Assert.Same(file, Assert.Single(assessment.Evidence));
        Assert.Equal("q1", file.QuestionCode);
        Assert.Equal("nda-signed.pdf", file.OriginalFileName);
        Assert.Equal(Sha256, file.Sha256);
        Assert.Equal(48_213, file.Length);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("Ana Analyst", file.UploadedByName);
        Assert.Equal(At(2), file.UploadedAtUtc);
        Assert.Equal(Today.AddYears(1), file.ExpiresOn);
        Assert.False(file.IsVerified);
    }

    [Fact]
    public void AttachEvidence_WhenASecondFileIsUploadedForTheSameQuestion_KeepsBothAsSeparateItems()
    {
        var assessment = NewDraft();
        var first = assessment.AttachEvidence(Upload("q1", fileName: "nda-draft.pdf"), Analyst, At(2));

        var second = assessment.AttachEvidence(Upload("q1", fileName: "nda-signed.pdf"), Analyst, At(3));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(["nda-draft.pdf", "nda-signed.pdf"], assessment.Evidence.Select(e => e.OriginalFileName));
    }

    [Fact]
    public void AttachEvidence_WhenTheQuestionIsNotInTheQuestionnaire_Refuses()
    {
        var assessment = NewDraft();

        var error = Assert.Throws<DomainException>(() => assessment.AttachEvidence(Upload("q42"), Analyst, At(2)));

        Assert.Equal("Question “q42” is not part of this assessment's questionnaire (IP due diligence (test), version 1).", error.Message);
        Assert.Empty(assessment.Evidence);
    }

    [Fact]
    public void AttachEvidence_WhenTheDocumentHasAlreadyExpired_Refuses()
    {
        var assessment = NewDraft();

        var error = Assert.Throws<DomainException>(() => assessment.AttachEvidence(Upload("q1", Today), Analyst, At(2)));

        Assert.Equal(
            "“nda-signed.pdf” expired on 2026-03-02, so it cannot count as evidence; upload a current document or correct the expiry date.",
            error.Message);
    }

    [Fact]
    public void AttachEvidence_WhenTheFileIsEmpty_Refuses()
    {
        var assessment = NewDraft();

        var error = Assert.Throws<DomainException>(() => assessment.AttachEvidence(Upload("q1") with { Length = 0 }, Analyst, At(2)));

        Assert.Equal("“nda-signed.pdf” is empty; upload the document itself.", error.Message);
    }

    [Fact]
    public void AttachEvidence_WhenTheFingerprintIsNotSha256_Refuses()
    {
        var assessment = NewDraft();

        var error = Assert.Throws<DomainException>(() => assessment.AttachEvidence(Upload("q1") with { Sha256 = "abc123" }, Analyst, At(2)));

        Assert.Equal("“abc123” is not a SHA-256 fingerprint (64 hexadecimal digits).", error.Message);
    }

    [Theory]
    [InlineData(AssessmentStatus.Submitted, "Evidence can only be attached while the assessment is a draft; this assessment is submitted.")]
    [InlineData(AssessmentStatus.LegalReview, "Evidence can only be attached while the assessment is a draft; this assessment is in legal review.")]
    [InlineData(AssessmentStatus.AwaitingDecision, "Evidence can only be attached while the assessment is a draft; this assessment is awaiting a decision.")]
    public void AttachEvidence_WhenNoLongerADraft_Refuses(AssessmentStatus status, string message)
    {
        var assessment = InStatus(status);

        var error = Assert.Throws<DomainException>(() => assessment.AttachEvidence(Upload("q1"), Analyst, At(50)));

        Assert.Equal(message, error.Message);
        Assert.Single(assessment.Evidence);
    }

    [Fact]
    public void VerifyEvidence_WhenInLegalReview_RecordsWhoVerifiedItAndWhen()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var file = assessment.Evidence[0];

        assessment.VerifyEvidence(file.Id, Legal, At(25));

        Assert.True(file.IsVerified);
        Assert.Equal("u-legal", file.VerifiedById);
        Assert.Equal("Lee Legal", file.VerifiedByName);
        Assert.Equal(At(25), file.VerifiedAtUtc);
    }

    [Fact]
    public void VerifyEvidence_WhenAlreadyVerified_RefusesNamingTheFirstVerifier()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);
        var file = assessment.Evidence[0];
        assessment.VerifyEvidence(file.Id, Legal, At(25));

        var error = Assert.Throws<DomainException>(() => assessment.VerifyEvidence(file.Id, Executive, At(26)));

        Assert.Equal("“nda-signed.pdf” was already verified by Lee Legal at 2026-03-02 09:25 UTC.", error.Message);
        Assert.Equal("Lee Legal", file.VerifiedByName);
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft, "Evidence is verified during legal review; this assessment is a draft.")]
    [InlineData(AssessmentStatus.Submitted, "Evidence is verified during legal review; this assessment is submitted.")]
    [InlineData(AssessmentStatus.AwaitingDecision, "Evidence is verified during legal review; this assessment is awaiting a decision.")]
    public void VerifyEvidence_WhenNotInLegalReview_Refuses(AssessmentStatus status, string message)
    {
        var assessment = InStatus(status);

        var error = Assert.Throws<DomainException>(() => assessment.VerifyEvidence(assessment.Evidence[0].Id, Legal, At(50)));

        Assert.Equal(message, error.Message);
        Assert.False(assessment.Evidence[0].IsVerified);
    }

    [Fact]
    public void VerifyEvidence_WhenTheFileIsNotPartOfTheAssessment_Refuses()
    {
        var assessment = InStatus(AssessmentStatus.LegalReview);

        var error = Assert.Throws<DomainException>(() => assessment.VerifyEvidence(Guid.NewGuid(), Legal, At(25)));

        Assert.Equal("That evidence file is not part of this assessment; reload the assessment.", error.Message);
    }

    [Fact]
    public void ToEvidenceStates_WhenFilesAreOnSeveralQuestions_GroupsThemPerQuestionInQuestionnaireOrder()
    {
        var assessment = NewDraft();
        assessment.AttachEvidence(Upload("q6", Today.AddDays(30), "iso-27001.pdf"), Analyst, At(1));
        assessment.AttachEvidence(Upload("q1"), Analyst, At(2));
        assessment.AttachEvidence(Upload("q6", fileName: "audit-report.pdf"), Analyst, At(3));

        var states = assessment.ToEvidenceStates();

        Assert.Equal(["q1", "q6"], states.Select(s => s.QuestionCode));
        Assert.Equal([new(false, null)], states[0].Items);
        Assert.Equal([new(false, Today.AddDays(30)), new(false, null)], states[1].Items);
    }
}
