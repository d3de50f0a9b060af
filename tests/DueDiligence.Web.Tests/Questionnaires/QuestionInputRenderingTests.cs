using System.Text.RegularExpressions;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Components.Shared.Questionnaire;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>The question renderer's markup for each type; clicking through it is covered in the browser.</summary>
public sealed class QuestionInputRenderingTests : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    [Fact]
    public async Task QuestionInput_ForYesNoWithKnockOut_ShowsYesNoRadiosAndTheKnockOutInWords()
    {
        var html = await RenderAsync(TemplateSamples.ValidDefinition().Sections[0].Questions[0], new Answer { QuestionCode = "CT-01", YesNo = true });

        Assert.Contains(" checked ", Tag(html, "answer-CT-01-yes"), StringComparison.Ordinal);
        Assert.DoesNotContain(" checked ", Tag(html, "answer-CT-01-no"), StringComparison.Ordinal);
        Assert.Contains("Knock-out</span>", html, StringComparison.Ordinal);
        Assert.Contains("Answering No knocks the supplier out.", html, StringComparison.Ordinal);
        Assert.Contains("Evidence required", html, StringComparison.Ordinal);
        Assert.Contains("ISO/IEC 27001:2022 A.6.6", html, StringComparison.Ordinal);
        Assert.DoesNotContain("na-CT-01", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionInput_ForMaturity_OffersTheFiveNamedLevels()
    {
        var question = new QuestionDefinition { Code = "DS-01", Text = "How mature is access control?", Type = QuestionType.Maturity, AllowNotApplicable = true };

        var html = await RenderAsync(question, null);

        foreach (var (name, level) in MaturityScale.Names.Select((n, i) => (n, i)))
        {
            Assert.Matches($"data-testid=\"answer-DS-01-level-{level}\"[^>]*/> {level} {name}</label>", html);
        }

        Assert.Contains("data-testid=\"na-DS-01\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionInput_ForNumber_ShowsTheValueWithItsUnit()
    {
        var html = await RenderAsync(TemplateSamples.ValidDefinition().Sections[1].Questions[0], new Answer { QuestionCode = "DD-01", Number = 7.5 });

        Assert.Contains("value=\"7.5\"", Tag(html, "answer-DD-01-number"), StringComparison.Ordinal);
        Assert.Matches("<span class=\"unit\"[^>]*>years</span>", html);
    }

    [Fact]
    public async Task QuestionInput_ForTextAnswer_OffersTheManualRatingSteps()
    {
        var question = new QuestionDefinition { Code = "PE-09", Text = "Describe the training programme.", Type = QuestionType.Text };

        var html = await RenderAsync(question, new Answer { QuestionCode = "PE-09", Text = "Yearly", ManualRating = 0.75 });

        Assert.Contains("data-testid=\"rating-PE-09\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"0.75\" selected[^>]*>0.75</option>", html);
        Assert.Equal(["", "0", "0.25", "0.5", "0.75", "1"], Regex.Matches(html, "<option value(?:=\"([^\"]*)\")?").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task QuestionInput_WhenDisabled_DisablesEveryControl()
    {
        var question = TemplateSamples.ValidDefinition().Sections[0].Questions[1];

        var html = await RenderAsync(question, null, disabled: true);

        var controls = Regex.Matches(html, "<(?:input|textarea|select)[^>]*>");
        Assert.Equal(4, controls.Count);
        Assert.All(controls, control => Assert.Contains(" disabled", control.Value, StringComparison.Ordinal));
    }

    private async Task<string> RenderAsync(QuestionDefinition question, Answer? answer, bool disabled = false)
    {
        await using var renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(QuestionInput.Question)] = question,
                [nameof(QuestionInput.Answer)] = answer,
                [nameof(QuestionInput.Disabled)] = disabled,
            });
            return (await renderer.RenderComponentAsync<QuestionInput>(parameters)).ToHtmlString();
        });
    }

    /// <summary>The opening tag of the element with this test id.</summary>
    private static string Tag(string html, string testId) =>
        Regex.Match(html, $"<[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>").Value;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
