using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Tests.TestSupport;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>What stops a draft from being submitted: required answers, and evidence or a reason why there is none.</summary>
public sealed class SubmissionCheckTests
{
    [Fact]
    public void MissingForSubmission_WhenNothingIsAnswered_ListsEveryRequiredQuestionInQuestionnaireOrder()
    {
        var assessment = NewDraft();

        var missing = assessment.MissingForSubmission(Today);

        Assert.Equal(
            [
                ("q1", "A", MissingReason.RequiredUnanswered),
                ("q1", "A", MissingReason.EvidenceMissing),
                ("q2", "A", MissingReason.RequiredUnanswered),
                ("q3", "B", MissingReason.RequiredUnanswered),
            ],
            missing.Select(m => (m.QuestionCode, m.SectionCode, m.Reason)).ToList());
        Assert.Equal("Answer q2 “How mature is access control?”: the question is required.", missing[2].Message);
        Assert.Equal("How mature is access control?", missing[2].QuestionText);
    }

    [Fact]
    public void MissingForSubmission_WhenEverythingRequiredIsThere_IsEmpty()
    {
        Assert.Empty(CompletedDraft().MissingForSubmission(Today));
    }

    [Fact]
    public void MissingForSubmission_WhenAnEvidenceRequiredQuestionHasNoEvidence_AsksForEvidenceOrAReason()
    {
        var assessment = AnsweredWithoutEvidence();

        var item = Assert.Single(assessment.MissingForSubmission(Today));

        Assert.Equal(MissingReason.EvidenceMissing, item.Reason);
        Assert.Equal("Attach evidence for q1 “Is a signed NDA in place?” or explain why there is none: the questionnaire requires evidence.", item.Message);
    }

    [Fact]
    public void MissingForSubmission_WhenTheAnalystExplainsWhyThereIsNoEvidence_DoesNotAskForIt()
    {
        var assessment = AnsweredWithoutEvidence();

        Save(assessment, Input("q1") with { YesNo = true, EvidenceJustification = "The NDA is held by our legal team under ref. C-1182." });

        Assert.Empty(assessment.MissingForSubmission(Today));
    }

    [Fact]
    public void MissingForSubmission_WhenTheOnlyEvidenceHasExpired_CountsItAsMissingAndSaysWhenItExpired()
    {
        var assessment = AnsweredWithoutEvidence();
        assessment.AttachEvidence(Upload("q1", new DateOnly(2026, 6, 30)), Analyst, At(2));

        var item = Assert.Single(assessment.MissingForSubmission(new DateOnly(2026, 6, 30)));

        Assert.Equal(MissingReason.EvidenceMissing, item.Reason);
        Assert.Equal(
            "The evidence for q1 “Is a signed NDA in place?” expired on 2026-06-30: attach current evidence or explain why there is none.",
            item.Message);
        Assert.Empty(assessment.MissingForSubmission(new DateOnly(2026, 6, 29)));
    }

    [Fact]
    public void MissingForSubmission_WhenARequiredQuestionIsMarkedNotApplicableWhereAllowed_CountsItAsAnswered()
    {
        var question = Templates.YesNo("r1").With(q =>
        {
            q.AllowNotApplicable = true;
            q.EvidenceRequired = true;
        });
        var assessment = NewDraft(Templates.Single(question));

        Save(assessment, Input("r1") with { NotApplicable = true });

        Assert.Empty(assessment.MissingForSubmission(Today));
    }

    [Fact]
    public void MissingForSubmission_WhenAnOptionalEvidenceQuestionIsLeftUnanswered_DoesNotAskForEvidence()
    {
        var definition = Definition();
        definition.Sections[1].Questions[1].EvidenceRequired = true;
        var assessment = NewDraft(definition);
        Save(assessment, Input("q1") with { YesNo = true, EvidenceJustification = "Held by legal." });
        Save(assessment, Input("q2") with { Maturity = 1 });
        Save(assessment, Input("q3") with { OptionCodes = ["b"] });

        Assert.Empty(assessment.MissingForSubmission(Today));

        Save(assessment, Input("q4") with { OptionCodes = ["x"] });
        Assert.Equal("q4", Assert.Single(assessment.MissingForSubmission(Today)).QuestionCode);
    }

    [Fact]
    public void MissingForSubmission_WhenATextQuestionIsRequired_AcceptsTextWithoutARating()
    {
        var assessment = NewDraft(Templates.Of(Templates.Section("S", 1, Templates.YesNo("y1"), Templates.Text("t1"))));
        Save(assessment, Input("y1") with { YesNo = true });

        Assert.Equal("t1", Assert.Single(assessment.MissingForSubmission(Today)).QuestionCode);

        Save(assessment, Input("t1") with { Text = "Described in their security policy." });
        Assert.Empty(assessment.MissingForSubmission(Today));
    }

    [Fact]
    public void Submit_WhenItemsAreMissing_RefusesListingThemAndStaysADraft()
    {
        var assessment = NewDraft();
        Save(assessment, Input("q1") with { YesNo = true });

        var error = Assert.Throws<SubmissionIncompleteException>(() => assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10)));

        Assert.Equal(["q1", "q2", "q3"], error.Missing.Select(m => m.QuestionCode));
        Assert.Equal(
            "The assessment cannot be submitted yet: 3 items are missing. "
            + "Attach evidence for q1 “Is a signed NDA in place?” or explain why there is none: the questionnaire requires evidence. "
            + "Answer q2 “How mature is access control?”: the question is required. "
            + "Answer q3 “Who owns improvements?”: the question is required.",
            error.Message);
        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
        Assert.Empty(assessment.ScoreSnapshots);
    }

    [Fact]
    public void Submit_WhenMoreThanFiveItemsAreMissing_ShowsFiveAndCountsTheRest()
    {
        var questions = Enumerable.Range(1, 7).Select(i => Templates.YesNo($"y{i}")).ToArray();
        var assessment = NewDraft(Templates.Of(Templates.Section("S", 1, questions)));

        var error = Assert.Throws<SubmissionIncompleteException>(() => assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10)));

        Assert.Equal(7, error.Missing.Count);
        Assert.StartsWith("The assessment cannot be submitted yet: 7 items are missing. Answer y1", error.Message);
        Assert.EndsWith("Answer y5 “Question y5?”: the question is required. And 2 more.", error.Message);
    }

    [Fact]
    public void Submit_WhenEvidenceExpiresOnTheDayOfSubmission_Refuses()
    {
        var assessment = AnsweredWithoutEvidence();
        assessment.AttachEvidence(Upload("q1", Today.AddDays(1)), Analyst, At(2));

        var error = Assert.Throws<SubmissionIncompleteException>(() =>
            assessment.Submit(ScoreOf(assessment, Started.AddDays(1)), Analyst, Started.AddDays(1)));

        Assert.Equal(MissingReason.EvidenceMissing, Assert.Single(error.Missing).Reason);
    }

    private static Assessment AnsweredWithoutEvidence()
    {
        var assessment = NewDraft();
        Save(assessment, Input("q1") with { YesNo = true });
        Save(assessment, Input("q2") with { Maturity = 2 });
        Save(assessment, Input("q3") with { OptionCodes = ["a"] });
        return assessment;
    }
}
