using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Tests.TestSupport;

using static DueDiligence.Domain.Tests.Assessments.AssessmentScenario;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>Answers are saved as given, only in draft, and only when they fit the question in the snapshot.</summary>
public sealed class RecordAnswerTests
{
    private readonly Assessment _assessment = NewDraft();

    [Fact]
    public void RecordAnswer_WhenYesNoQuestionIsAnswered_SavesItAsGivenWithWhoAndWhen()
    {
        var answer = _assessment.RecordAnswer(
            Input("q1") with { YesNo = true, Comment = " NDA signed by the CEO. " }, Analyst, At(3), expectedAnswerVersion: null);

        Assert.Same(answer, _assessment.AnswerTo("q1"));
        Assert.True(answer.YesNo);
        Assert.Equal("NDA signed by the CEO.", answer.Comment);
        Assert.Equal("u-analyst", answer.UpdatedById);
        Assert.Equal("Ana Analyst", answer.UpdatedByName);
        Assert.Equal(At(3), answer.UpdatedAtUtc);
        Assert.True(answer.HasValue);
    }

    [Fact]
    public void RecordAnswer_WhenSavedAgain_KeepsOneAnswerPerQuestionWithTheLatestValue()
    {
        Save(_assessment, Input("q2") with { Maturity = 1 });

        Save(_assessment, Input("q2") with { Maturity = 3 }, minute: 5);

        var answer = Assert.Single(_assessment.Answers);
        Assert.Equal(3, answer.Maturity);
        Assert.Equal(At(5), answer.UpdatedAtUtc);
    }

    [Fact]
    public void RecordAnswer_WhenSaved_ChangesOnlyThatAnswersVersion()
    {
        var first = Save(_assessment, Input("q2") with { Maturity = 1 }).Version;
        var assessmentVersion = _assessment.Version;

        var second = Save(_assessment, Input("q2") with { Maturity = 2 }).Version;

        // Concurrency is per answer: another person answering another question is not in conflict with this save.
        Assert.NotEqual(first, second);
        Assert.Equal(assessmentVersion, _assessment.Version);
    }

    [Fact]
    public void RecordAnswer_WhenQuestionIsNotInTheQuestionnaire_RefusesNamingTheQuestionnaire()
    {
        var error = Refused(Input("q99") with { YesNo = true });

        Assert.Equal("Question “q99” is not part of this assessment's questionnaire (IP due diligence (test), version 1).", error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenMarkedNotApplicableWhereAllowed_SavesNotApplicable()
    {
        var answer = Save(_assessment, Input("q5") with { NotApplicable = true, Comment = "No tooling is shared." });

        Assert.True(answer.NotApplicable);
        Assert.True(answer.HasValue);
    }

    [Fact]
    public void RecordAnswer_WhenMarkedNotApplicableWhereNotAllowed_Refuses()
    {
        var error = Refused(Input("q1") with { NotApplicable = true });

        Assert.Equal("Question q1 cannot be marked N/A: the questionnaire asks every supplier for an answer.", error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenMarkedNotApplicableWithAValue_RefusesAndSaysWhichValueToRemove()
    {
        var error = Refused(Input("q5") with { NotApplicable = true, Number = 4 });

        Assert.Equal("Question q5 is marked N/A, so it takes no answer: remove the number or untick N/A.", error.Message);
    }

    [Theory]
    [InlineData("q1", "Question q1 is a Yes/No question and takes Yes or No, not a maturity level.")]
    [InlineData("q3", "Question q3 is a single-choice question and takes exactly one of its options, not a maturity level.")]
    [InlineData("q5", "Question q5 is a number question and takes a number, not a maturity level.")]
    [InlineData("q7", "Question q7 is a Text question and takes text and, if you rate it, a manual rating, not a maturity level.")]
    public void RecordAnswer_WhenTheValueIsOfAnotherKind_RefusesAndSaysWhatTheQuestionTakes(string code, string message)
    {
        var error = Refused(Input(code) with { Maturity = 2 });

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenAMaturityQuestionGetsAYesNo_Refuses()
    {
        var error = Refused(Input("q2") with { YesNo = true });

        Assert.Equal("Question q2 is a maturity question and takes a maturity level from 0 (None) to 4 (Optimised), not a Yes/No value.", error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenADateQuestionGetsText_Refuses()
    {
        var error = Refused(Input("q6") with { Text = "next year" });

        Assert.Equal("Question q6 is a date question and takes a date, not a text answer.", error.Message);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void RecordAnswer_WhenMaturityIsOffTheScale_Refuses(int level)
    {
        var error = Refused(Input("q2") with { Maturity = level });

        Assert.Equal($"A maturity level runs from 0 (None) to 4 (Optimised); {level} is not on the scale (question q2).", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void RecordAnswer_WhenMaturityIsAtAnEndOfTheScale_SavesIt(int level)
    {
        Assert.Equal(level, Save(_assessment, Input("q2") with { Maturity = level }).Maturity);
    }

    [Fact]
    public void RecordAnswer_WhenSingleChoiceGetsTwoOptions_Refuses()
    {
        var error = Refused(Input("q3") with { OptionCodes = ["a", "b"] });

        Assert.Equal("Question q3 takes exactly one option; 2 were chosen.", error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenAnOptionDoesNotExist_RefusesAndListsTheOptions()
    {
        var error = Refused(Input("q4") with { OptionCodes = ["x", "w"] });

        Assert.Equal("Question q4 has no option “w”; its options are x, y, z.", error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenAnOptionIsChosenTwice_Refuses()
    {
        var error = Refused(Input("q4") with { OptionCodes = ["x", "y", "x"] });

        Assert.Equal("Option “x” is chosen twice for question q4; choose each option once.", error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenMultipleChoiceGetsSeveralOptions_SavesThemInTheOrderGiven()
    {
        var answer = Save(_assessment, Input("q4") with { OptionCodes = ["z", "x"] });

        Assert.Equal(["z", "x"], answer.OptionCodes);
    }

    [Fact]
    public void RecordAnswer_WhenAnOptionCodeContainsPunctuation_KeepsTheCodeWhole()
    {
        var question = Templates.SingleChoice("s1", 1, ("iso|27001", 1), ("none, yet", 0));
        var assessment = NewDraft(Templates.Single(question));

        var answer = Save(assessment, Input("s1") with { OptionCodes = ["iso|27001"] });

        Assert.Equal(["iso|27001"], answer.OptionCodes);
        Assert.Equal(1, TestSupport.Scores.Of(assessment.Template, [.. assessment.ToScoringAnswers()]).Sections[0].Questions[0].Rating);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RecordAnswer_WhenNumberIsNotFinite_Refuses(double number)
    {
        var error = Refused(Input("q5") with { Number = number });

        Assert.Equal("Enter a finite number for question q5.", error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenNumberAndDateAreGiven_SavesThem()
    {
        Save(_assessment, Input("q5") with { Number = 7.5 });
        Save(_assessment, Input("q6") with { Date = new DateOnly(2027, 6, 30) });

        Assert.Equal(7.5, _assessment.AnswerTo("q5")!.Number);
        Assert.Equal(new DateOnly(2027, 6, 30), _assessment.AnswerTo("q6")!.Date);
    }

    [Fact]
    public void RecordAnswer_WhenAManualRatingIsGivenToAYesNoQuestion_RefusesAndSaysOnlyTextQuestionsTakeOne()
    {
        var error = Refused(Input("q1") with { YesNo = true, ManualRating = 1 });

        Assert.Equal("Only Text questions take a manual rating; question q1 is a Yes/No question and is rated from its answer.", error.Message);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.5)]
    [InlineData(-0.25)]
    public void RecordAnswer_WhenManualRatingIsNotAStep_Refuses(double rating)
    {
        var error = Refused(Input("q7") with { Text = "Policy seen on site.", ManualRating = rating });

        Assert.Equal(
            $"A manual rating is 0, 0.25, 0.5, 0.75 or 1; {rating.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not one of them (question q7).",
            error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenTextIsRatedOnAStep_SavesBoth()
    {
        var answer = Save(_assessment, Input("q7") with { Text = "Badge access logged.", ManualRating = 0.75 });

        Assert.Equal("Badge access logged.", answer.Text);
        Assert.Equal(0.75, answer.ManualRating);
    }

    [Fact]
    public void RecordAnswer_WhenTextIsTooLong_Refuses()
    {
        var error = Refused(Input("q7") with { Text = new string('x', 4001) });

        Assert.EndsWith("is longer than 4000 characters.", error.Message);
    }

    [Fact]
    public void RecordAnswer_WhenRefused_KeepsThePreviousAnswerAndVersion()
    {
        var saved = Save(_assessment, Input("q2") with { Maturity = 2 });
        var answerVersion = saved.Version;
        var assessmentVersion = _assessment.Version;

        Assert.Throws<DomainException>(() => Save(_assessment, Input("q2") with { Maturity = 9 }));

        Assert.Equal(2, _assessment.AnswerTo("q2")!.Maturity);
        Assert.Equal(answerVersion, _assessment.AnswerTo("q2")!.Version);
        Assert.Equal(assessmentVersion, _assessment.Version);
    }

    [Fact]
    public void RecordAnswer_WhenGivenNoValue_ClearsTheAnswerAndKeepsWhoClearedIt()
    {
        Save(_assessment, Input("q1") with { YesNo = true });

        var cleared = Save(_assessment, Input("q1") with { Comment = "Waiting for the signed copy." }, OtherAnalyst, minute: 8);

        Assert.False(cleared.HasValue);
        Assert.Null(cleared.YesNo);
        Assert.Equal("Waiting for the signed copy.", cleared.Comment);
        Assert.Equal("Bo Buyer", cleared.UpdatedByName);
        Assert.Contains(_assessment.MissingForSubmission(Today), m => m is { QuestionCode: "q1", Reason: MissingReason.RequiredUnanswered });
    }

    [Fact]
    public void RecordAnswer_WhenTextIsOnlyWhitespace_ClearsIt()
    {
        Save(_assessment, Input("q7") with { Text = "Some text" });

        var answer = Save(_assessment, Input("q7") with { Text = "   " });

        Assert.Null(answer.Text);
        Assert.False(answer.HasValue);
    }

    [Fact]
    public void RecordAnswer_WhenSomeoneElseSavedTheQuestionSince_RefusesNamingThemAndKeepsTheirAnswer()
    {
        var opened = Save(_assessment, Input("q2") with { Maturity = 1 }).Version;
        _assessment.RecordAnswer(Input("q2") with { Maturity = 3 }, OtherAnalyst, At(5), opened);

        var error = Assert.Throws<StaleAnswerException>(() => _assessment.RecordAnswer(Input("q2") with { Maturity = 0 }, Analyst, At(6), opened));

        Assert.Equal(
            "Question q2 was changed by Bo Buyer at 2026-03-02 09:05 UTC after you opened it. Your answer was not saved: reload the question to see theirs, then change it if you still need to.",
            error.Message);
        Assert.Equal(3, _assessment.AnswerTo("q2")!.Maturity);
        Assert.Equal(_assessment.AnswerTo("q2")!.Version, error.CurrentVersion);
    }

    [Fact]
    public void RecordAnswer_WhenTheQuestionWasUnansweredOnOpeningButIsAnsweredNow_Refuses()
    {
        _assessment.RecordAnswer(Input("q1") with { YesNo = true }, OtherAnalyst, At(5), expectedAnswerVersion: null);

        var error = Assert.Throws<StaleAnswerException>(() =>
            _assessment.RecordAnswer(Input("q1") with { YesNo = false }, Analyst, At(6), expectedAnswerVersion: null));

        Assert.Equal("Bo Buyer", error.ChangedByName);
        Assert.True(_assessment.AnswerTo("q1")!.YesNo);
    }

    [Fact]
    public void RecordAnswer_WhenSavedWithTheVersionFromTheRefusal_Saves()
    {
        var opened = Save(_assessment, Input("q2") with { Maturity = 1 }).Version;
        _assessment.RecordAnswer(Input("q2") with { Maturity = 3 }, OtherAnalyst, At(5), opened);
        var stale = Assert.Throws<StaleAnswerException>(() => _assessment.RecordAnswer(Input("q2") with { Maturity = 0 }, Analyst, At(6), opened));

        _assessment.RecordAnswer(Input("q2") with { Maturity = 0 }, Analyst, At(7), stale.CurrentVersion);

        Assert.Equal(0, _assessment.AnswerTo("q2")!.Maturity);
    }

    [Theory]
    [InlineData(AssessmentStatus.Submitted, "Answers can only change while the assessment is a draft; this assessment is submitted.")]
    [InlineData(AssessmentStatus.LegalReview, "Answers can only change while the assessment is a draft; this assessment is in legal review.")]
    [InlineData(AssessmentStatus.AwaitingDecision, "Answers can only change while the assessment is a draft; this assessment is awaiting a decision.")]
    public void RecordAnswer_WhenNotADraft_Refuses(AssessmentStatus status, string message)
    {
        var assessment = InStatus(status);

        var error = Assert.Throws<DomainException>(() => Save(assessment, Input("q2") with { Maturity = 4 }));

        Assert.Equal(message, error.Message);
        Assert.Equal(2, assessment.AnswerTo("q2")!.Maturity);
    }

    [Fact]
    public void ToScoringAnswers_WhenAnsweredOutOfOrder_ListsThemInQuestionnaireOrderWithTheirValues()
    {
        Save(_assessment, Input("q3") with { OptionCodes = ["b"] });
        Save(_assessment, Input("q1") with { YesNo = false, Comment = "Refused to sign." });
        Save(_assessment, Input("q5") with { NotApplicable = true });

        var answers = _assessment.ToScoringAnswers();

        Assert.Equal(["q1", "q3", "q5"], answers.Select(a => a.QuestionCode));
        Assert.False(answers[0].YesNo);
        Assert.Equal("Refused to sign.", answers[0].Comment);
        Assert.Equal(["b"], answers[1].OptionCodes);
        Assert.True(answers[2].NotApplicable);
    }

    private DomainException Refused(AnswerInput input)
    {
        var error = Assert.Throws<DomainException>(() => Save(_assessment, input));
        Assert.Null(_assessment.AnswerTo(input.QuestionCode));
        return error;
    }
}
