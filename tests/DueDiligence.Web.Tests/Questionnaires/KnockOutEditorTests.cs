using Bunit;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Tests.Ui;
using MudBlazor;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>The knock-out box of a question in the template editor.</summary>
public sealed class KnockOutEditorTests
{
    [Fact]
    public async Task MaturityKnockOut_WhenTheListIsOpened_OffersEachLevelByItsName()
    {
        await using var context = ComponentContext.Create();
        var popovers = context.Bunit.Render<MudPopoverProvider>();
        var question = new QuestionDefinition { Code = "DS-01", Type = QuestionType.Maturity, KnockOut = new KnockOutRule { MaturityAtOrBelow = 1 } };
        var editor = context.Bunit.Render<KnockOutEditor>(p => p
            .Add(x => x.Question, question)
            .Add(x => x.Path, "sections[0].questions[0]")
            .Add(x => x.Errors, new TemplateErrorIndex([])));

        Assert.Equal("A maturity at or below Level 1 (Initial) knocks the supplier out.", editor.Find("[data-testid=knockout-summary]").TextContent.Trim());
        await editor.Find(".mud-select .mud-input-control").MouseDownAsync(new());

        popovers.WaitForAssertion(() => Assert.Equal(
            ["No knock-out", "At or below Level 0 (None)", "At or below Level 1 (Initial)", "At or below Level 2 (Defined)", "At or below Level 3 (Managed)", "At or below Level 4 (Optimised)"],
            popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
    }
}
