using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Tests.TestSupport;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>
/// A reassessment carries the previous decided assessment forward onto a newer questionnaire version, matched by question
/// code: same code and type kept, a changed type or a vanished option left empty with the reason, removed questions listed,
/// new questions empty; evidence linked with its expiry, counting while unexpired; carried sections confirmed before submission.
/// </summary>
public sealed class ReassessmentTests
{
    private static readonly DateTime Reassessed = Started.AddDays(60);
    private static readonly DateOnly NdaExpires = Today.AddDays(120);

    [Fact]
    public void StartReassessment_WhenTheQuestionIsStillAskedTheSameWay_KeepsTheAnswer()
    {
        var reassessment = Reassess();

        Assert.Equal(true, reassessment.AnswerTo("q1")!.YesNo);
        Assert.Equal(["a"], reassessment.AnswerTo("q3")!.OptionCodes);
        Assert.Equal(7, reassessment.AnswerTo("q5")!.Number);
        Assert.Equal(Analyst.Name, reassessment.AnswerTo("q1")!.UpdatedByName);
        Assert.Equal(AssessmentStatus.Draft, reassessment.Status);
    }

    [Fact]
    public void StartReassessment_WhenTheQuestionTypeChanged_LeavesItEmptyAndSaysWhy()
    {
        var reassessment = Reassess();

        Assert.Null(reassessment.AnswerTo("q2"));
        var note = Assert.Single(reassessment.CarryForwardNotes, n => n.QuestionCode == "q2");
        Assert.Equal(CarryForwardNoteKind.AnswerNotCarried, note.Kind);
        Assert.Equal("The question changed from maturity to Yes/No; answer it again.", note.Message);
    }

    [Fact]
    public void StartReassessment_WhenAChosenOptionNoLongerExists_LeavesTheAnswerEmptyAndNamesTheOption()
    {
        var reassessment = Reassess();

        Assert.Null(reassessment.AnswerTo("q4"));
        var note = Assert.Single(reassessment.CarryForwardNotes, n => n.QuestionCode == "q4");
        Assert.Equal(CarryForwardNoteKind.AnswerNotCarried, note.Kind);
        Assert.Equal("The earlier answer “Option z” is no longer offered; answer it again.", note.Message);
    }

    [Fact]
    public void StartReassessment_WhenAQuestionWasRemoved_ListsItAsNoLongerAsked()
    {
        var reassessment = Reassess();

        var removed = Assert.Single(reassessment.CarryForwardNotes, n => n.Kind == CarryForwardNoteKind.NoLongerAsked);
        Assert.Equal("q7", removed.QuestionCode);
        Assert.Equal("No longer asked (its earlier answer is kept in the previous assessment).", removed.Message);
        Assert.Null(reassessment.AnswerTo("q7"));
    }

    [Fact]
    public void StartReassessment_WhenAQuestionIsNew_LeavesItEmpty()
    {
        var reassessment = Reassess();

        Assert.Null(reassessment.AnswerTo("q8"));
        Assert.DoesNotContain(reassessment.CarryForwardNotes, n => n.QuestionCode == "q8");
        Assert.Equal(["q1", "q3", "q5"], reassessment.Answers.Select(a => a.QuestionCode).Order());
    }

    [Fact]
    public void StartReassessment_WhenPreviousIsNotDecided_Refuses()
    {
        var error = Assert.Throws<DomainException>(() =>
            Assessment.StartReassessment(InStatus(AssessmentStatus.AwaitingDecision), Published(NextVersion()), Analyst, Reassessed));

        Assert.Equal("A reassessment starts from a decided assessment; this one is not decided yet.", error.Message);
    }

    [Fact]
    public void StartReassessment_CarriesEvidenceAsALinkToTheEarlierFileWithItsExpiry()
    {
        var previous = Previous();
        var reassessment = Assessment.StartReassessment(previous, Published(NextVersion()), Analyst, Reassessed);

        var earlier = Assert.Single(previous.Evidence);
        var carried = Assert.Single(reassessment.Evidence);
        Assert.NotEqual(earlier.Id, carried.Id);
        Assert.Equal(earlier.Id, carried.CarriedFromId);
        Assert.Equal(earlier.StorageKey, carried.StorageKey);
        Assert.Equal(earlier.Sha256, carried.Sha256);
        Assert.Equal(NdaExpires, carried.ExpiresOn);
        Assert.False(carried.IsVerified);
    }

    [Fact]
    public void CarriedEvidence_CountsWhileUnexpired_AndNotFromItsExpiryDate()
    {
        var reassessment = Confirmed(Reassess());

        Assert.Empty(reassessment.MissingForSubmission(NdaExpires.AddDays(-1)));
        Assert.Equal(0.8, ScoreOf(reassessment, NdaExpires.AddDays(-1).ToDateTime(TimeOnly.MinValue)).Sections[0].Questions[0].Confidence);

        var missing = Assert.Single(reassessment.MissingForSubmission(NdaExpires));
        Assert.Equal(MissingReason.EvidenceMissing, missing.Reason);
        Assert.Contains("expired on", missing.Message, StringComparison.Ordinal);
        Assert.Equal(0.5, ScoreOf(reassessment, NdaExpires.ToDateTime(TimeOnly.MinValue)).Sections[0].Questions[0].Confidence);
    }

    [Fact]
    public void StartReassessment_WhenEvidenceHasExpiredByThen_LeavesItBehindAndSaysSo()
    {
        var previous = Previous();
        var reassessment = Assessment.StartReassessment(previous, Published(NextVersion()), Analyst, NdaExpires.ToDateTime(TimeOnly.MinValue));

        Assert.Empty(reassessment.Evidence);
        var note = Assert.Single(reassessment.CarryForwardNotes, n => n.Kind == CarryForwardNoteKind.EvidenceNotCarried);
        Assert.Equal($"“nda-signed.pdf” expired on {NdaExpires:yyyy-MM-dd}; attach a current document.", note.Message);
    }

    [Fact]
    public void Submit_WhileACarriedSectionIsUnconfirmed_IsRefusedNamingTheSection()
    {
        var reassessment = Reassess();
        Save(reassessment, Input("q2") with { YesNo = true }, minute: 60 * 24 * 60 + 1);

        Assert.Equal(["A", "B"], reassessment.CarriedSections.Select(s => s.SectionCode));
        var error = Assert.Throws<SubmissionIncompleteException>(() => reassessment.Submit(ScoreOf(reassessment, Reassessed), Analyst, Reassessed));

        Assert.Equal([MissingReason.CarriedSectionUnconfirmed, MissingReason.CarriedSectionUnconfirmed], error.Missing.Select(m => m.Reason));
        Assert.StartsWith("The assessment cannot be submitted yet: 2 items are missing. Confirm section “", error.Message, StringComparison.Ordinal);
        Assert.Contains("its answers were carried forward from the previous assessment; check they are still accurate and press “Confirm section”.", error.Message, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Draft, reassessment.Status);
    }

    [Fact]
    public void Submit_OnceEveryCarriedSectionIsConfirmed_Submits()
    {
        var reassessment = Reassess();
        Save(reassessment, Input("q2") with { YesNo = true }, minute: 60 * 24 * 60 + 1);

        var confirmed = reassessment.ConfirmCarriedSection("A", OtherAnalyst, Reassessed);
        reassessment.ConfirmCarriedSection("B", Analyst, Reassessed);
        reassessment.Submit(ScoreOf(reassessment, Reassessed), Analyst, Reassessed);

        Assert.Equal(AssessmentStatus.Submitted, reassessment.Status);
        Assert.Equal("Bo Buyer", confirmed.ConfirmedByName);
        Assert.Throws<DomainException>(() => Reassess().ConfirmCarriedSection("Z", Analyst, Reassessed));
    }

    /// <summary>Version 2: q2 becomes Yes/No, option z of q4 goes, q7 goes, q8 is new.</summary>
    private static TemplateDefinition NextVersion()
    {
        var definition = Definition();
        var a = definition.Sections[0];
        var b = definition.Sections[1];
        a.Questions[1] = Templates.YesNo("q2").With(q => q.Text = "Is access control reviewed yearly?");
        b.Questions.Find(q => q.Code == "q4")!.Options.RemoveAll(o => o.Code == "z");
        b.Questions.RemoveAll(q => q.Code == "q7");
        b.Questions.Add(Templates.YesNo("q8").With(q =>
        {
            q.Text = "Are moulds tagged?";
            q.Required = false;
        }));
        return definition;
    }

    /// <summary>Approved: q1 Yes with an NDA expiring in 120 days, q2 level 2, q3 a, q4 x and z, q5 7, q7 a text.</summary>
    private static Assessment Previous()
    {
        var assessment = NewDraft();
        Save(assessment, Input("q1") with { YesNo = true });
        Save(assessment, Input("q2") with { Maturity = 2 });
        Save(assessment, Input("q3") with { OptionCodes = ["a"] });
        Save(assessment, Input("q4") with { OptionCodes = ["x", "z"] });
        Save(assessment, Input("q5") with { Number = 7 });
        Save(assessment, Input("q7") with { Text = "Badge access at the tool room." });
        assessment.AttachEvidence(Upload("q1", NdaExpires), Analyst, At(1));
        assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10));
        assessment.StartLegalReview(Legal, At(20));
        assessment.ForwardToDecision("No blocking issue.", Legal, At(30));
        assessment.DecideAlone(DecisionOutcome.Approved, "Adequate.", ScoreOf(assessment, At(40)), Today.AddMonths(12), Executive, At(40));
        return assessment;
    }

    private static Assessment Reassess() => Assessment.StartReassessment(Previous(), Published(NextVersion()), Analyst, Reassessed);

    private static Assessment Confirmed(Assessment reassessment)
    {
        Save(reassessment, Input("q2") with { YesNo = true }, minute: 60 * 24 * 60 + 1);
        foreach (var section in reassessment.CarriedSections.ToList())
        {
            reassessment.ConfirmCarriedSection(section.SectionCode, Analyst, Reassessed);
        }

        return reassessment;
    }
}
