using Bunit;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Components.Shared.Questionnaire;
using DueDiligence.Web.Tests.Questionnaires;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>One question as the analyst answers it: what it shows, and the answer each kind of input reports.</summary>
public sealed class QuestionInputTests : IAsyncDisposable
{
    private readonly ComponentContext _context = ComponentContext.Create();
    private readonly List<Answer> _reported = [];
    private int _editing;

    [Fact]
    public void QuestionInput_ForYesNoWithKnockOut_ShowsTheChoiceAndTheKnockOutInWords()
    {
        var cut = Render(TemplateSamples.ValidDefinition().Sections[0].Questions[0], new Answer { QuestionCode = "CT-01", YesNo = true });

        Assert.True(IsChecked(cut, "answer-CT-01-yes"));
        Assert.False(IsChecked(cut, "answer-CT-01-no"));
        Assert.Equal("Answering No knocks the supplier out.", cut.Find("[data-testid=knockout-CT-01]").TextContent.Trim());
        Assert.Contains("Evidence required", cut.Find(".question-markers").TextContent, StringComparison.Ordinal);
        Assert.Contains("ISO/IEC 27001:2022 A.6.6", cut.Find("[data-testid=references-CT-01]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=na-CT-01]"));
    }

    [Theory]
    [InlineData("answer-CT-01-no", false)]
    [InlineData("answer-CT-01-yes", true)]
    public async Task YesNo_WhenTheUserChooses_ReportsTheChoice(string testId, bool expected)
    {
        var cut = Render(TemplateSamples.ValidDefinition().Sections[0].Questions[0], null);

        await ChooseAsync(cut, testId);

        Assert.Equal(expected, Assert.Single(_reported).YesNo);
    }

    [Fact]
    public async Task Maturity_WhenTheUserChoosesALevel_ReportsItAndShowsTheLevelsByName()
    {
        var cut = Render(new QuestionDefinition { Code = "DS-01", Text = "How mature is access control?", Type = QuestionType.Maturity, AllowNotApplicable = true }, null);

        Assert.Equal(
            ["0 None", "1 Initial", "2 Defined", "3 Managed", "4 Optimised"],
            cut.FindAll(".mud-radio").Select(r => r.TextContent.Trim()));
        await ChooseAsync(cut, "answer-DS-01-level-3");

        Assert.Equal(3, Assert.Single(_reported).Maturity);
    }

    [Fact]
    public async Task SingleChoice_WhenTheUserChoosesAnOption_ReportsItsCode()
    {
        var cut = Render(Options(QuestionType.SingleChoice), null);

        await ChooseAsync(cut, "answer-SC-01-option-SPLIT");

        Assert.Equal(["SPLIT"], Assert.Single(_reported).OptionCodes);
    }

    [Fact]
    public async Task MultipleChoice_WhenTheUserTicksOptions_ReportsThemInQuestionnaireOrder()
    {
        var cut = Render(Options(QuestionType.MultipleChoice), new Answer { QuestionCode = "SC-01", OptionCodes = ["SPLIT"] });

        await ChooseAsync(cut, "answer-SC-01-option-FULL");

        Assert.Equal(["FULL", "SPLIT"], Assert.Single(_reported).OptionCodes);
    }

    [Fact]
    public async Task Number_WhenTheUserTypesAValue_ReportsTheNumberAndShowsTheUnit()
    {
        var cut = Render(TemplateSamples.ValidDefinition().Sections[1].Questions[0], null);

        Assert.Contains("years", cut.Find("[data-testid=answer-DD-01]").TextContent, StringComparison.Ordinal);
        await Input(cut, "answer-DD-01-number").ChangeAsync(new() { Value = "7.5" });

        Assert.Equal(7.5, Assert.Single(_reported).Number);
    }

    [Fact]
    public async Task Date_WhenTheUserTypesADate_ReportsIt()
    {
        var cut = Render(new QuestionDefinition { Code = "DS-02", Text = "When does the certificate expire?", Type = QuestionType.Date }, null);

        await Input(cut, "answer-DS-02-date").ChangeAsync(new() { Value = "2028-03-31" });

        cut.WaitForAssertion(() => Assert.Equal(new DateOnly(2028, 3, 31), Assert.Single(_reported).Date));
    }

    [Fact]
    public async Task Date_ShowsTheAnswerInTheBrowsersDateField_AndReportsAClearedField()
    {
        var question = new QuestionDefinition { Code = "DS-02", Text = "When does the certificate expire?", Type = QuestionType.Date };
        var cut = Render(question, new Answer { QuestionCode = "DS-02", Date = new DateOnly(2027, 6, 30) });

        var field = Input(cut, "answer-DS-02-date");
        Assert.Equal("date", field.GetAttribute("type"));
        Assert.Equal("2027-06-30", field.GetAttribute("value"));
        Assert.Equal("When does the certificate expire?", field.GetAttribute("aria-label"));
        Assert.Equal(field.Id, cut.Find("[data-testid=answer-DS-02] label").GetAttribute("for"));

        await Input(cut, "answer-DS-02-date").ChangeAsync(new() { Value = "" }); // cleared, or only part of a day left in it

        var cleared = Assert.Single(_reported);
        Assert.Null(cleared.Date);
    }

    [Fact]
    public void Text_WhenTheUserTypesAndPauses_ReportsTheTextOnceAfterSayingItIsBeingEdited()
    {
        var cut = Render(TextQuestion(), null, debounce: 50);

        Input(cut, "answer-PE-09-text").Input("Yearly training for every engineer");

        Assert.Equal(1, _editing);
        cut.WaitForAssertion(() => Assert.Equal("Yearly training for every engineer", Assert.Single(_reported).Text), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Text_WhenTheUserLeavesTheFieldBeforeThePause_ReportsTheTextAtOnceAndOnlyOnce()
    {
        var cut = Render(TextQuestion(), null, debounce: 60_000);

        Input(cut, "answer-PE-09-text").Input("Yearly training");
        await Input(cut, "answer-PE-09-text").BlurAsync(new());

        Assert.Equal("Yearly training", Assert.Single(_reported).Text);
    }

    [Fact]
    public async Task Text_WhenTheUserTypesAndRestoresTheSavedText_StillReportsSoThatTheQuestionIsNotLeftUnsaved()
    {
        var cut = Render(TextQuestion(), new Answer { QuestionCode = "PE-09", Text = "Yearly" }, debounce: 60_000);

        Input(cut, "answer-PE-09-text").Input("Yearly and");
        Input(cut, "answer-PE-09-text").Input("Yearly");
        await Input(cut, "answer-PE-09-text").BlurAsync(new());

        Assert.Equal(1, _editing);
        Assert.Equal("Yearly", Assert.Single(_reported).Text);
    }

    [Fact]
    public async Task Comment_WhenTheUserLeavesTheField_ReportsTheCommentWithTheAnswer()
    {
        var cut = Render(TemplateSamples.ValidDefinition().Sections[0].Questions[0], new Answer { QuestionCode = "CT-01", YesNo = true }, debounce: 60_000);

        Input(cut, "comment-CT-01").Input("Signed copy in the contract folder.");
        await Input(cut, "comment-CT-01").BlurAsync(new());

        var reported = Assert.Single(_reported);
        Assert.Equal(("Signed copy in the contract folder.", true), (reported.Comment, reported.YesNo));
    }

    [Fact]
    public void Rating_OnATextAnswer_OffersTheScaleWithItsWordsInTheBrowsersSelect()
    {
        var cut = Render(TextQuestion(), new Answer { QuestionCode = "PE-09", Text = "Yearly", ManualRating = 0.75 });

        var select = cut.Find("select[data-testid=rating-PE-09]");
        Assert.Equal("0.75", select.GetAttribute("value"));
        Assert.Equal(
            ["Not rated (does not count)", "0 — none", "0.25 — limited", "0.5 — partial", "0.75 — substantial", "1 — full"],
            select.QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
        Assert.Equal(select.Id, cut.Find("label[for^=rating-input]").GetAttribute("for"));
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("", null)]
    public async Task Rating_WhenTheUserChoosesOneOrNone_ReportsIt(string value, double? expected)
    {
        var cut = Render(TextQuestion(), new Answer { QuestionCode = "PE-09", Text = "Yearly", ManualRating = 1 });

        await cut.Find("select[data-testid=rating-PE-09]").ChangeAsync(new() { Value = value });

        Assert.Equal(expected, Assert.Single(_reported).ManualRating);
    }

    [Fact]
    public async Task Number_WhenWhatIsTypedIsNotANumber_SaysSoAndReportsNothing_ThenReportsTheCorrection()
    {
        var cut = Render(TemplateSamples.ValidDefinition().Sections[1].Questions[0], new Answer { QuestionCode = "DD-01", Number = 11 });
        Assert.Equal("11", Input(cut, "answer-DD-01-number").GetAttribute("value"));

        await Input(cut, "answer-DD-01-number").ChangeAsync(new() { Value = "7,5" });

        Assert.Empty(_reported);
        Assert.Contains("Not a number", cut.Find("[data-testid=answer-DD-01-number-problem]").TextContent, StringComparison.Ordinal);
        Assert.Equal("7,5", Input(cut, "answer-DD-01-number").GetAttribute("value"));
        Assert.Equal("true", Input(cut, "answer-DD-01-number").GetAttribute("aria-invalid"));

        await Input(cut, "answer-DD-01-number").ChangeAsync(new() { Value = "" });

        Assert.Null(Assert.Single(_reported).Number);
        Assert.Empty(cut.FindAll("[data-testid=answer-DD-01-number-problem]"));
    }

    [Fact]
    public void Text_IsATextAreaLabelledWithTheQuestionForScreenReaders()
    {
        var cut = Render(TextQuestion(), new Answer { QuestionCode = "PE-09", Text = "Yearly" });

        var field = Input(cut, "answer-PE-09-text");
        Assert.Equal("textarea", field.LocalName);
        Assert.Equal("Describe the training programme.", field.GetAttribute("aria-label"));
        Assert.Equal("Yearly", field.GetAttribute("value") ?? field.TextContent);
    }

    [Fact]
    public async Task NotApplicable_WhenTicked_ReportsItAndLocksTheValueButNotTheComment()
    {
        var cut = Render(new QuestionDefinition { Code = "DS-01", Text = "How mature is access control?", Type = QuestionType.Maturity, AllowNotApplicable = true }, null);

        await Input(cut, "na-DS-01").ChangeAsync(new() { Value = true });

        Assert.True(Assert.Single(_reported).NotApplicable);
        Assert.True(Input(cut, "answer-DS-01-level-0").HasAttribute("disabled"));
        Assert.False(Input(cut, "comment-DS-01").HasAttribute("disabled"));
    }

    [Fact]
    public void QuestionInput_WhenDisabled_DisablesEveryControl()
    {
        var cut = Render(TemplateSamples.ValidDefinition().Sections[0].Questions[1], null, disabled: true);

        var controls = cut.FindAll("input, textarea, select");
        Assert.NotEmpty(controls);
        Assert.All(controls, control => Assert.True(control.HasAttribute("disabled"), control.OuterHtml));
    }

    private IRenderedComponent<QuestionInput> Render(QuestionDefinition question, Answer? answer, bool disabled = false, int debounce = 800) =>
        _context.Render<QuestionInput>(p => p
            .Add(c => c.Question, question)
            .Add(c => c.Answer, answer)
            .Add(c => c.Disabled, disabled)
            .Add(c => c.Debounce, debounce)
            .Add(c => c.AnswerChanged, (Answer a) => _reported.Add(a))
            .Add(c => c.Editing, () => _editing++));

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<QuestionInput> cut, string testId) =>
        cut.Find($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea");

    private static bool IsChecked(IRenderedComponent<QuestionInput> cut, string testId) =>
        Input(cut, testId).HasAttribute("checked");

    // A radio or check box reports its choice as the browser does: a change event on the input.
    private static Task ChooseAsync(IRenderedComponent<QuestionInput> cut, string testId) =>
        Input(cut, testId).ChangeAsync(new() { Value = true });

    private static QuestionDefinition TextQuestion() => new() { Code = "PE-09", Text = "Describe the training programme.", Type = QuestionType.Text };

    private static QuestionDefinition Options(QuestionType type) => new()
    {
        Code = "SC-01",
        Text = "Who holds the complete design data?",
        Type = type,
        Options =
        [
            new OptionDefinition { Code = "FULL", Label = "Only we do", Points = 1 },
            new OptionDefinition { Code = "SPLIT", Label = "Split between sites", Points = 0.5 },
            new OptionDefinition { Code = "NONE", Label = "The supplier holds it all", Points = 0 },
        ],
    };

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
