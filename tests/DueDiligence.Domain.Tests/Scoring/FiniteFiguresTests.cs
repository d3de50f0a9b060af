using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>SCORING.md §6 (ipdd-2026.2): a figure that is not finite is an error, never a tier ("Low · Proceed" for NaN).</summary>
public sealed class FiniteFiguresTests
{
    /// <summary>Templates that no longer pass validation but may have been published before it bounded weights.</summary>
    public static TheoryData<string, TemplateDefinition> Overflowing() => new()
    {
        { "section weights of 1e308", Templates.Of(Templates.Section("A", 1e308, Templates.YesNo("Y1")), Templates.Section("B", 1e308, Templates.YesNo("Y2"))) },
        { "question weights of 1e308", Templates.Of(Templates.Section("A", 1, Templates.YesNo("Y1", 1e308), Templates.YesNo("Y2", 1e308))) },
        { "an infinite question weight", Templates.Single(Templates.YesNo("Y1", double.PositiveInfinity)) },
        { "option points of NaN", Templates.Single(Templates.SingleChoice("Y1", 1, ("A", double.NaN), ("B", 1))) },
    };

    [Theory]
    [MemberData(nameof(Overflowing))]
    public void Score_WhenTheFiguresAreNotFinite_RefusesWithAnErrorInsteadOfATier(string problem, TemplateDefinition template)
    {
        _ = problem;
        var answers = template.Sections.SelectMany(s => s.Questions)
            .Select(q => q.Type == QuestionType.SingleChoice ? Answers.Options(q.Code, "A") : Answers.Yes(q.Code)).ToArray();

        var error = Assert.Throws<DomainException>(() => Scores.Of(template, answers));

        Assert.StartsWith("This assessment cannot be scored: its control score is not a finite number (NaN), and no risk tier is ever given from such a figure.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("an administrator should check the questionnaire “Test template” and publish a corrected version.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_WhenEveryWeightIsAtTheUpperBound_GivesFiniteFiguresAndATier()
    {
        var template = Templates.Of(
            Templates.Section("A", TemplateBounds.MaxWeight, Templates.YesNo("Y1", TemplateBounds.MaxWeight), Templates.YesNo("Y2", TemplateBounds.MaxWeight)),
            Templates.Section("B", TemplateBounds.MaxWeight, Templates.YesNo("Y3", TemplateBounds.MaxWeight)));
        Assert.Empty(TemplateValidator.Validate(template));

        var result = Scores.Of(template, Answers.Yes("Y1"), Answers.No("Y2"), Answers.Yes("Y3"));

        Assert.Equal(75, result.ControlScore, 9);
        Assert.True(double.IsFinite(result.ResidualRisk));
    }
}
