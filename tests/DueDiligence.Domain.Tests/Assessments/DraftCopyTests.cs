using System.Text.Json;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>
/// A draft copied to a screen away from the server (as JSON) and made an assessment again there scores, lists what is
/// missing and takes a save exactly as the draft it was copied from.
/// </summary>
public sealed class DraftCopyTests
{
    [Fact]
    public void FromCopy_OfAReturnedDraft_ScoresAndListsWhatIsMissingAsTheOriginal_WaiverAndEvidenceStatesIncluded()
    {
        var original = ReturnedDraft();

        var copy = ThroughJson(original);

        Assert.Equal(Json(ScoreOf(original, At(90))), Json(ScoreOf(copy, At(90))));
        Assert.Contains(ScoreOf(copy, At(90)).KnockOuts, k => k.QuestionCode == "q1" && k.Waived);
        Assert.Equal(Json(original.MissingForSubmission(Today)), Json(copy.MissingForSubmission(Today)));
        Assert.Equal(original.Version, copy.Version);
        Assert.Equal("The NDA on file is unsigned; upload the signed copy.", copy.ReturnReason);
        Assert.Equal(TemplateJson.Serialize(original.Template), TemplateJson.Serialize(copy.Template));
    }

    [Fact]
    public void FromCopy_KeepsEachAnswerAndEvidenceRecord_ButNotWhereTheFileIsStored()
    {
        var original = ReturnedDraft();

        var copy = ThroughJson(original);

        Assert.Equal(
            original.Answers.Select(a => (a.Id, Json(a.ToScoringAnswer()), a.EvidenceJustification, a.UpdatedByName, a.UpdatedAtUtc, a.Version)),
            copy.Answers.Select(a => (a.Id, Json(a.ToScoringAnswer()), a.EvidenceJustification, a.UpdatedByName, a.UpdatedAtUtc, a.Version)));
        Assert.Equal(
            original.Evidence.Select(e => (e.Id, e.OriginalFileName, e.Sha256, e.Length, e.ExpiresOn, e.IsWithdrawn, e.WithdrawalReason, e.IsInsufficient, e.InsufficientReason, e.CountsAsAttached)),
            copy.Evidence.Select(e => (e.Id, e.OriginalFileName, e.Sha256, e.Length, e.ExpiresOn, e.IsWithdrawn, e.WithdrawalReason, e.IsInsufficient, e.InsufficientReason, e.CountsAsAttached)));
        Assert.All(copy.Evidence, e => Assert.Equal("", e.StorageKey));
        Assert.DoesNotContain(original.Evidence[0].StorageKey, JsonSerializer.Serialize(original.ToDraftCopy()), StringComparison.Ordinal);
    }

    [Fact]
    public void FromCopy_OfAReassessment_KeepsItsCarriedSections_ConfirmedOrNot()
    {
        var original = Assessment.StartReassessment(InStatus(AssessmentStatus.Decided), Published(), Analyst, At(60 * 24));
        var first = original.CarriedSections[0].SectionCode;
        original.ConfirmCarriedSection(first, Analyst, At(60 * 24 + 5));

        var copy = ThroughJson(original);

        Assert.Equal(
            original.CarriedSections.Select(c => (c.SectionCode, c.CarriedAnswers, c.CarriedEvidence, c.IsConfirmed, c.ConfirmedByName)),
            copy.CarriedSections.Select(c => (c.SectionCode, c.CarriedAnswers, c.CarriedEvidence, c.IsConfirmed, c.ConfirmedByName)));
        Assert.Equal(Json(original.MissingForSubmission(Today)), Json(copy.MissingForSubmission(Today)));
        Assert.Equal(original.CarriedFromAssessmentId, copy.CarriedFromAssessmentId);
        Assert.Equal(Json(ScoreOf(original, At(60 * 24 + 10))), Json(ScoreOf(copy, At(60 * 24 + 10))));
    }

    [Fact]
    public void ApplySavedAnswer_OnTheCopy_ScoresAsTheSaveOnTheOriginal()
    {
        var original = NewDraft();
        Save(original, Input("q1") with { YesNo = true });
        var copy = ThroughJson(original);
        var input = Input("q2") with { Maturity = 3, Comment = "Reviewed quarterly." };

        var saved = Save(original, input, minute: 5);
        copy.ApplySavedAnswer(input, Analyst, At(5), saved.Version);

        Assert.Equal(Json(ScoreOf(original, At(6))), Json(ScoreOf(copy, At(6))));
        Assert.Equal(saved.Version, copy.AnswerTo("q2")!.Version);
        Assert.Equal(Json(original.MissingForSubmission(Today)), Json(copy.MissingForSubmission(Today)));
    }

    [Fact]
    public void ApplySavedEvidenceAndConfirmedSection_FromTheirCopies_ListWhatIsMissingAsTheOriginal()
    {
        var original = Assessment.StartReassessment(InStatus(AssessmentStatus.Decided), Published(), Analyst, At(60 * 24));
        var copy = ThroughJson(original);

        var file = original.AttachEvidence(Upload("q1", fileName: "nda-2027.pdf"), Analyst, At(60 * 24 + 1));
        var section = original.ConfirmCarriedSection(original.CarriedSections[0].SectionCode, Analyst, At(60 * 24 + 2));
        copy.ApplySavedEvidence(JsonSerializer.Deserialize<EvidenceCopy>(Json(file.ToCopy()))!);
        copy.ApplyConfirmedSection(JsonSerializer.Deserialize<CarriedSectionCopy>(Json(section.ToCopy()))!);

        Assert.Contains(copy.Evidence, e => e.Id == file.Id && e.OriginalFileName == "nda-2027.pdf");
        Assert.True(copy.CarriedSections[0].IsConfirmed);
        Assert.Equal(Json(original.MissingForSubmission(Today)), Json(copy.MissingForSubmission(Today)));
        Assert.Equal(Json(ScoreOf(original, At(60 * 24 + 3))), Json(ScoreOf(copy, At(60 * 24 + 3))));
    }

    [Fact]
    public void ToDraftCopy_OnceSubmitted_IsRefused()
    {
        var submitted = InStatus(AssessmentStatus.Submitted);

        var error = Assert.Throws<DomainException>(submitted.ToDraftCopy);

        Assert.Equal("Only a draft is answered away from the server; this assessment is submitted.", error.Message);
    }

    /// <summary>
    /// Returned by legal with q1's knock-out (No) waived: the NDA marked insufficient, another withdrawn, a third current;
    /// q2 level 2 with a justification, q3 "a".
    /// </summary>
    private static Assessment ReturnedDraft()
    {
        var assessment = NewDraft();
        Save(assessment, Input("q1") with { YesNo = false });
        Save(assessment, Input("q2") with { Maturity = 2, EvidenceJustification = "Audited on site, no document." });
        Save(assessment, Input("q3") with { OptionCodes = ["a"] });
        var unsigned = assessment.AttachEvidence(Upload("q1", fileName: "nda-unsigned.pdf"), Analyst, At(2));
        var duplicate = assessment.AttachEvidence(Upload("q1", fileName: "nda-copy.pdf"), Analyst, At(3));
        assessment.WithdrawEvidence(duplicate.Id, "Uploaded twice.", Analyst, At(4));
        assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10));
        assessment.StartLegalReview(Legal, At(20));
        assessment.WaiveKnockOut("q1", "The NDA is replaced by the framework agreement's clause 12.", Legal, At(21));
        assessment.MarkEvidenceInsufficient(unsigned.Id, "Not signed.", Legal, At(22));
        assessment.ReturnToDraft("The NDA on file is unsigned; upload the signed copy.", Legal, At(23));
        assessment.AttachEvidence(Upload("q1", Today.AddMonths(6), "nda-signed.pdf"), Analyst, At(30));
        return assessment;
    }

    private static Assessment ThroughJson(Assessment original) =>
        Assessment.FromCopy(JsonSerializer.Deserialize<DraftCopy>(JsonSerializer.Serialize(original.ToDraftCopy()))!);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
