using Bunit;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Tests.Questionnaires;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>The live score beside the wizard: the tier and figures in words, the answers behind a section, and the way to a question.</summary>
public sealed class ScorePanelTests : IAsyncDisposable
{
    private readonly ComponentContext _context = ComponentContext.Create();
    private readonly List<string> _selected = [];

    [Fact]
    public void ScorePanel_ForAWeakAssessment_ShowsTheTierTheFiguresAndWhatWouldChangeTheTier()
    {
        var score = Score(new Answer { QuestionCode = "CT-01", YesNo = true });

        var cut = Render(score);

        Assert.Equal(score.Tier.ToString(), cut.Find(".headline .level").TextContent.Trim());
        Assert.Equal(score.Recommendation.ToDisplayText(), cut.Find("[data-testid=score-recommendation]").TextContent.Trim());
        Assert.Equal(ScorePanel.Fmt(score.ResidualRisk), cut.Find("[data-testid=score-r]").TextContent.Trim());
        Assert.Equal(ScorePanel.Fmt(score.ControlScore), cut.Find("[data-testid=score-c]").TextContent.Trim());
        Assert.Equal($"{score.Completion * 100:0} %", cut.Find("[data-testid=score-completion]").TextContent.Trim());
        var labels = cut.FindAll("[data-testid=key-figures] .label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Residual risk", "Inherent risk", "Control score", "Exposure", "Jurisdiction", "Completion", "Evidence", "Tier by score"], labels);
        var changes = cut.FindAll("[data-testid=tier-change]");
        Assert.Equal(Math.Min(5, score.WhatWouldChangeTier.Count), changes.Count);
        Assert.NotEmpty(changes);
        Assert.Contains($"Residual risk {ScorePanel.Fmt(score.ResidualRisk)} → {ScorePanel.Fmt(score.WhatWouldChangeTier[0].ResidualRisk)}", changes[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("§", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScorePanel_WhenTheUserChoosesASuggestedAnswer_WithTheKeyboardOrTheMouse_RaisesItsQuestion()
    {
        var score = Score(new Answer { QuestionCode = "CT-01", YesNo = true });
        var cut = Render(score);
        var first = score.WhatWouldChangeTier[0].QuestionCode;
        var link = cut.Find($"[data-testid=tier-change-{first}]");
        Assert.Equal(("button", "button"), (link.LocalName, link.GetAttribute("type"))); // in the keyboard's order, as an anchor without an address is not

        await link.ClickAsync(new());

        Assert.Equal([first], _selected);
    }

    [Fact]
    public async Task ScorePanel_WhenASectionIsOpened_ShowsTheAnswersBehindItsScoreWithRatingWords()
    {
        var definition = TemplateSamples.ValidDefinition();
        var text = new QuestionDefinition { Code = "CT-09", Text = "Describe what the NDA covers.", Type = QuestionType.Text, Weight = 1 };
        definition.Sections[0].Questions.Add(text);
        var cut = Render(Score(definition, new Answer { QuestionCode = text.Code, Text = "Drawings and firmware", ManualRating = 0.5 }));

        await cut.Find("[data-testid=section-score-CT]").ClickAsync(new());

        var row = cut.FindAll("[data-testid=contributions-CT] tbody tr").Single(r => r.TextContent.Contains(text.Code, StringComparison.Ordinal));
        Assert.Contains("0.5 — partial", row.TextContent, StringComparison.Ordinal);
        await cut.Find($"[data-testid=score-question-{text.Code}]").ClickAsync(new());
        Assert.Equal([text.Code], _selected);
    }

    private IRenderedComponent<ScorePanel> Render(ScoreResult score) =>
        _context.Render<ScorePanel>(p => p
            .Add(c => c.Score, score)
            .Add(c => c.QuestionSelected, (string code) => _selected.Add(code)));

    private static ScoreResult Score(params Answer[] answers) => Score(TemplateSamples.ValidDefinition(), answers);

    private static ScoreResult Score(TemplateDefinition template, params Answer[] answers) => ScoringEngine.Score(new ScoringInput
    {
        Template = template,
        Answers = answers,
        Evidence = [],
        MaxSensitivity = 4,
        Jurisdictions = [],
        WaivedKnockOuts = [],
        AsOf = new DateOnly(2026, 12, 4),
        Policy = ScoringPolicy.Default,
    });

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
