using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Review;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// The review view rendered by bunit for one user, as the assessment page shows it: the assessment loaded through the
/// real query as that user, MudBlazor's popovers and dialogs, and the few ways the tests read what the user sees.
/// </summary>
internal sealed partial class ReviewRendering : IAsyncDisposable
{
    private ReviewRendering(ComponentContext context, IRenderedComponent<MudDialogProvider> dialogs)
    {
        Context = context;
        Dialogs = dialogs;
    }

    public ComponentContext Context { get; }

    public IRenderedComponent<AssessmentReviewView> View { get; private set; } = default!;

    /// <summary>Where the confirmations open.</summary>
    public IRenderedComponent<MudDialogProvider> Dialogs { get; }

    /// <summary>How often the view asked the page to load the assessment afresh.</summary>
    public int PageReloads { get; private set; }

    public static async Task<ReviewRendering> RenderAsync(AppFactory app, Guid assessmentId, string user, string[] roles)
    {
        var context = ComponentContext.Create(app, user, roles);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var rendering = new ReviewRendering(context, dialogs);
        var view = await context.AppServices.GetRequiredService<AssessmentQueries>().GetAsync(assessmentId)
            ?? throw new InvalidOperationException($"Assessment {assessmentId} was not found.");
        rendering.View = context.Render<AssessmentReviewView>(p => p
            .Add(v => v.View, view)
            .Add(v => v.Changed, () => rendering.PageReloads++));
        // The answers are shown once the conversations are read: the view is whole from then on.
        rendering.View.WaitForAssertion(() => Assert.NotEmpty(rendering.View.FindAll("[data-testid^='answers-']")), TimeSpan.FromSeconds(10));
        return rendering;
    }

    public bool Has(string testId) => View.FindAll(Selector(testId)).Count > 0;

    /// <summary>The element with this test id; for a MudBlazor input, its &lt;input&gt; or &lt;textarea&gt;.</summary>
    public IElement Element(string testId) => View.Find(Selector(testId));

    /// <summary>
    /// Clicks the element with this test id, found and clicked in one turn of the renderer: the view's parts load on their
    /// own and may render between a find and a click, which would leave the click on a handler that is gone.
    /// </summary>
    public Task ClickAsync(string testId) => View.InvokeAsync(() => Element(testId).ClickAsync(new()));

    /// <summary>Every test id that starts with the prefix, in page order.</summary>
    public IReadOnlyList<string> TestIds(string prefix) =>
        View.FindAll($"[data-testid^='{prefix}']").Select(e => e.GetAttribute("data-testid")!).ToList();

    /// <summary>The text a user reads in the element with this test id: elements apart, white space collapsed.</summary>
    public string TextOf(string testId) => TextOf(Element(testId));

    /// <summary>Everything the view shows as text.</summary>
    public string AllText() => TextOf(View.Find("[data-testid=assessment-review]"));

    /// <summary>The text of an element as a reader takes it in: each element's text apart from its neighbours'.</summary>
    public static string TextOf(INode node)
    {
        var text = new System.Text.StringBuilder();
        Append(node);
        return Plain(text.ToString());

        void Append(INode current)
        {
            if (current is IText piece)
            {
                text.Append(piece.Data);
                return;
            }

            text.Append(' ');
            foreach (var child in current.ChildNodes)
            {
                Append(child);
            }

            text.Append(' ');
        }
    }

    /// <summary>The message shown under a MudBlazor field (for a radio button, under its group), empty when there is none.</summary>
    public static string FieldMessage(IElement input)
    {
        for (var control = input.Closest(".mud-input-control"); control is not null; control = control.ParentElement?.Closest(".mud-input-control"))
        {
            var helper = control.Children.FirstOrDefault(c => c.ClassList.Contains("mud-input-control-helper-container"));
            if (helper?.QuerySelector(".mud-input-helper-text.mud-input-error") is { } message)
            {
                return TextOf(message);
            }
        }

        return "";
    }

    /// <summary>The confirmation dialog's message, once it is open.</summary>
    public string ConfirmationMessage()
    {
        string message = "";
        Dialogs.WaitForAssertion(() => message = Plain(Dialogs.Find("[data-testid=confirm-message]").TextContent));
        return message;
    }

    public Task ConfirmAsync() => Dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new());

    public Task CancelAsync() => Dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());

    public static string Plain(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static string Selector(string testId) => $"[data-testid='{testId}']";

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
