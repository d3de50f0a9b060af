using System.Globalization;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Components.Shared.Questionnaire;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace DueDiligence.Web.Features.Assessments;

/// <summary>The analyst's questionnaire: sections, answers saved as they are given, evidence, and the live score beside them.</summary>
public partial class AssessmentWizard
{
    private readonly Dictionary<string, AnswerInput> desired = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SaveState> states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> saving = new(StringComparer.Ordinal);
    private readonly HashSet<string> again = new(StringComparer.Ordinal);

    // What a question's block shows changes with its revision (RenderGate): its own changes, and every change of the whole.
    private readonly Dictionary<string, int> changes = new(StringComparer.Ordinal);
    private int epoch;
    private AssessmentView view = default!;
    private AssessmentView? received;
    private IReadOnlyList<SectionDefinition> sections = [];
    private int current;
    private string? sectionParameter;
    private IJSObjectReference? module;
    private (string TestId, string Block)? scrollTo;
    private bool showMissing;
    private string? refusal;
    private bool submitting;
    private bool confirming;
    private DateTime? lastSavedUtc;
    private Portal.SupplierConversations conversations = Portal.SupplierConversations.None;
    private Threads.InternalConversations internalThreads = Threads.InternalConversations.None;

    private enum SaveKind
    {
        Editing,
        Saving,
        Saved,
        Failed,
    }

    private sealed record SaveState(SaveKind Kind, int Saves, DateTime? SavedAtUtc = null, string? Problem = null);

    [Parameter, EditorRequired]
    public AssessmentView View { get; set; } = default!;

    /// <summary>The conversations with supplier contacts, read by the page with <see cref="View"/>.</summary>
    [Parameter]
    public Portal.SupplierConversations SupplierConversations { get; set; } = Portal.SupplierConversations.None;

    /// <summary>The internal conversations, read by the page with <see cref="View"/>; a reply here reads them again.</summary>
    [Parameter]
    public Threads.InternalConversations InternalConversations { get; set; } = Threads.InternalConversations.None;

    /// <summary>The section code in the address (?section=DS); the first section when absent or unknown.</summary>
    [Parameter]
    public string? Section { get; set; }

    /// <summary>Raised after a change that the assessment held here cannot show by itself (it was submitted).</summary>
    [Parameter]
    public EventCallback Reload { get; set; }

    /// <summary>Raised after a carried section is confirmed, so that what the page shows around the wizard counts it.</summary>
    [Parameter]
    public EventCallback SectionConfirmed { get; set; }

    [Parameter]
    public int Debounce { get; set; } = 800;

    private bool HasUnsaved => states.Values.Any(s => s.Kind != SaveKind.Saved);

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(View, received))
        {
            received = View;
            view = View;
            sections = View.Assessment.Template.Sections;
            desired.Clear();
            states.Clear();
            epoch++;
            refusal = null;
            conversations = SupplierConversations;
            internalThreads = InternalConversations;
        }

        if (Section != sectionParameter)
        {
            sectionParameter = Section;
            var index = sections.ToList().FindIndex(s => string.Equals(s.Code, Section, StringComparison.OrdinalIgnoreCase));
            current = Math.Max(index, 0);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Assessments/AssessmentWizard.razor.js");
        }

        if (scrollTo is { } target && module is not null)
        {
            scrollTo = null;
            await module.InvokeVoidAsync("scrollToTestId", target.TestId, target.Block);
        }
    }

    private async Task ReloadInternalThreadsAsync()
    {
        internalThreads = await InternalThreads.ListAsync(view.Assessment.Id);
        epoch++;
    }

    private (int Epoch, int Changes) RevisionOf(string code) => (epoch, changes.GetValueOrDefault(code));

    private void Changed(string code) => changes[code] = changes.GetValueOrDefault(code) + 1;

    private void SetState(string code, SaveState state)
    {
        states[code] = state;
        Changed(code);
    }

    private void Desire(string code, AnswerInput input)
    {
        desired[code] = input;
        Changed(code);
    }

    private int AnsweredIn(SectionDefinition section) =>
        section.Questions.Count(q => view.Assessment.AnswerTo(q.Code)?.HasValue == true);

    private CarriedSection? CarriedIn(SectionDefinition section) =>
        view.Assessment.CarriedSections.FirstOrDefault(c => c.SectionCode == section.Code);

    private async Task ConfirmSectionAsync(string sectionCode)
    {
        confirming = true;
        try
        {
            CarriedSection? confirmed = null;
            if (await Feedback.RunAsync(async () => confirmed = await Confirm.ExecuteAsync(view.Assessment.Id, sectionCode), "Section confirmed.") && confirmed is not null)
            {
                view.Assessment.ApplyConfirmedSection(confirmed);
                view = Queries.Rescore(view);
                epoch++;
                if (view.Missing.Count == 0)
                {
                    refusal = null;
                }

                await SectionConfirmed.InvokeAsync();
            }
        }
        finally
        {
            confirming = false;
        }
    }

    private string SectionTitle(string code) => sections.FirstOrDefault(s => s.Code == code)?.Title ?? code;

    private async Task GoToAsync(int index, bool scroll = false)
    {
        current = Math.Clamp(index, 0, sections.Count - 1);
        var code = sections[current].Code;
        if (scroll)
        {
            scrollTo = ($"section-{code}", "start");
        }

        // The section goes into the address (the entry is replaced, nothing is loaded), so that a reload comes back here.
        if (module is not null)
        {
            await module.InvokeVoidAsync("replaceAddress", Navigation.GetUriWithQueryParameter("section", code));
        }
    }

    private async Task ShowQuestionAsync(string questionCode)
    {
        var index = sections.ToList().FindIndex(s => s.Questions.Any(q => q.Code == questionCode));
        if (index < 0)
        {
            return;
        }

        // Scrolled to after the render that shows its section.
        scrollTo = ($"question-{questionCode}", "center");
        await GoToAsync(index);
        StateHasChanged();
    }

    // What the question shows: what the user last gave (saved or not), else what is saved.
    private Answer? Shown(string code) =>
        desired.TryGetValue(code, out var input) ? ToAnswer(input) : view.Assessment.AnswerTo(code)?.ToScoringAnswer();

    private string? ShownJustification(string code) =>
        desired.TryGetValue(code, out var input) ? input.EvidenceJustification : view.Assessment.AnswerTo(code)?.EvidenceJustification;

    private void Editing(string code)
    {
        var saves = states.GetValueOrDefault(code)?.Saves ?? 0;
        if (states.GetValueOrDefault(code)?.Kind is not SaveKind.Saving)
        {
            SetState(code, new SaveState(SaveKind.Editing, saves));
        }
    }

    private Task AnswerGivenAsync(QuestionDefinition question, Answer answer)
    {
        var basis = DesiredOrSaved(question.Code);
        Desire(question.Code, ToInput(answer, basis.EvidenceJustification));
        return SaveAsync(question.Code);
    }

    private Task JustificationGivenAsync(QuestionDefinition question, string? justification)
    {
        Desire(question.Code, DesiredOrSaved(question.Code) with { EvidenceJustification = justification });
        return SaveAsync(question.Code);
    }

    private AnswerInput DesiredOrSaved(string code) =>
        desired.TryGetValue(code, out var input) ? input : FromSaved(code, view.Assessment.AnswerTo(code));

    /// <summary>
    /// Saves what the user last gave for the question. One save per question at a time: a change made while one runs is
    /// saved right after it, from the version that save returned, so that the version check never refuses our own change.
    /// </summary>
    private Task SaveAsync(string code)
    {
        if (saving.ContainsKey(code))
        {
            again.Add(code);
            return Task.CompletedTask;
        }

        var run = SaveLoopAsync(code);
        if (!run.IsCompleted)
        {
            saving[code] = run;
        }

        return run;
    }

    private async Task SaveLoopAsync(string code)
    {
        try
        {
            do
            {
                again.Remove(code);
                var input = desired[code];
                var version = view.Assessment.AnswerTo(code)?.Version;
                var saves = states.GetValueOrDefault(code)?.Saves ?? 0;
                SetState(code, new SaveState(SaveKind.Saving, saves));
                StateHasChanged();

                SavedAnswer? saved = null;
                var problem = await Feedback.TryAsync(async () => saved = await Answers.ExecuteAsync(view.Assessment.Id, input, version));
                if (saved is not null)
                {
                    view.Assessment.ApplySavedAnswer(input, saved.SavedBy, saved.SavedAtUtc, saved.Version);
                    view = Queries.Rescore(view);
                    lastSavedUtc = saved.SavedAtUtc;
                    SetState(code, new SaveState(SaveKind.Saved, saves + 1, saved.SavedAtUtc));
                    if (view.Missing.Count == 0)
                    {
                        refusal = null;
                    }
                }
                else
                {
                    SetState(code, new SaveState(SaveKind.Failed, saves + 1, Problem: problem));
                }
            }
            while (again.Contains(code));
        }
        finally
        {
            saving.Remove(code);
        }
    }

    private void EvidenceSaved(EvidenceFile file)
    {
        view.Assessment.ApplySavedEvidence(file);
        view = Queries.Rescore(view);
        Changed(file.QuestionCode);
        if (view.Missing.Count == 0)
        {
            refusal = null;
        }
    }

    private async Task SubmitAsync()
    {
        submitting = true;
        refusal = null;
        try
        {
            // Whatever is still being saved goes first (leaving a text field to press Submit saves it).
            await SavesDoneAsync();

            var failedSaves = states.Count(s => s.Value.Kind == SaveKind.Failed);
            if (failedSaves > 0)
            {
                refusal = $"Not submitted: {Wording.Count(failedSaves, "answer")} {Wording.IsAre(failedSaves)} not saved. Correct {(failedSaves == 1 ? "it" : "them")} first (see the messages under the questions).";
                return;
            }

            // Refusals that list work to do stay here, next to the action; any other refusal is a message that stays until closed.
            IReadOnlyList<MissingItem>? stillMissing = null;
            var submitted = await Feedback.RunAsync(async () =>
            {
                try
                {
                    await Submit.ExecuteAsync(view.Assessment.Id);
                }
                catch (SubmissionIncompleteException incomplete)
                {
                    stillMissing = incomplete.Missing;
                }
            });
            if (stillMissing is not null)
            {
                view = view with { Missing = stillMissing };
                showMissing = true;
                refusal = $"Not submitted yet: {Wording.Count(stillMissing.Count, "item")} still {Wording.IsAre(stillMissing.Count)} missing. Your answers are saved; complete the items listed above, then submit again.";
                return;
            }

            if (!submitted)
            {
                return;
            }

            Snackbar.Add("Submitted to legal review.", Severity.Success);
            await Reload.InvokeAsync();
        }
        finally
        {
            submitting = false;
        }
    }

    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        // Moving between sections only changes the query string of this page.
        var target = Navigation.ToAbsoluteUri(context.TargetLocation);
        var here = Navigation.ToAbsoluteUri(Navigation.Uri);
        if (string.Equals(target.AbsolutePath, here.AbsolutePath, StringComparison.Ordinal))
        {
            return;
        }

        // Leaving a text field for a link saves it: that save is waited for, not reported as unsaved.
        await SavesDoneAsync();
        if (!HasUnsaved)
        {
            return;
        }

        var unsaved = states.Count(s => s.Value.Kind != SaveKind.Saved);
        if (!await Dialogs.ConfirmAsync(
                "Leave with unsaved changes?",
                $"{Wording.Count(unsaved, "answer")} on this assessment {Wording.IsAre(unsaved)} not saved yet. If you leave now, what you typed there is lost.",
                "Leave without saving", destructive: true))
        {
            context.PreventNavigation();
        }
    }

    private async Task SavesDoneAsync()
    {
        while (saving.Count > 0)
        {
            await Task.WhenAll(saving.Values.ToList());
        }
    }

    private RenderFragment StatusOf(string code) => builder =>
    {
        var state = states.GetValueOrDefault(code);
        var kind = state?.Kind.ToString().ToLowerInvariant() ?? "none";
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"save-status {kind}");
        builder.AddAttribute(2, "data-testid", $"save-state-{code}");
        builder.AddAttribute(3, "data-state", kind);
        builder.AddAttribute(4, "data-saves", (state?.Saves ?? 0).ToString(CultureInfo.InvariantCulture));
        builder.AddContent(5, state switch
        {
            null => "",
            { Kind: SaveKind.Editing } => "Not saved yet: saved when you pause or leave the field",
            { Kind: SaveKind.Saving } => "Saving…",
            { Kind: SaveKind.Saved } => $"Saved {Clock(state.SavedAtUtc!.Value)}",
            _ => $"Not saved: {state.Problem}",
        });
        builder.CloseElement();
    };

    private string SaveSummary()
    {
        var failedSaves = states.Count(s => s.Value.Kind == SaveKind.Failed);
        if (failedSaves > 0)
        {
            return $"{Wording.Count(failedSaves, "answer")} not saved: see the message under the question.";
        }

        if (states.Values.Any(s => s.Kind is SaveKind.Saving or SaveKind.Editing))
        {
            return "Saving…";
        }

        return lastSavedUtc is { } at ? $"All changes saved {Clock(at)}" : "Answers are saved as you give them.";
    }

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    // Grouped under its section, an item needs only what is missing and the question.
    private static string ShortMessage(MissingItem item) => item.Reason switch
    {
        MissingReason.RequiredUnanswered => $"needs an answer: {item.QuestionText}",
        MissingReason.CarriedSectionUnconfirmed => "the section's answers were carried forward from the previous assessment: check them and press “Confirm section”",
        _ when item.Message.Contains("expired", StringComparison.Ordinal) => item.Message,
        _ => $"needs evidence, or a reason why there is none: {item.QuestionText}",
    };

    private static string Clock(DateTime utc) => utc.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static Answer ToAnswer(AnswerInput input) => new()
    {
        QuestionCode = input.QuestionCode,
        NotApplicable = input.NotApplicable,
        YesNo = input.YesNo,
        Maturity = input.Maturity,
        OptionCodes = input.OptionCodes,
        Number = input.Number,
        Date = input.Date,
        Text = input.Text,
        ManualRating = input.ManualRating,
        Comment = input.Comment,
    };

    private static AnswerInput FromSaved(string code, AssessmentAnswer? saved) => saved is null
        ? new AnswerInput { QuestionCode = code }
        : ToInput(saved.ToScoringAnswer(), saved.EvidenceJustification);

    private static AnswerInput ToInput(Answer answer, string? justification) => new()
    {
        QuestionCode = answer.QuestionCode,
        NotApplicable = answer.NotApplicable,
        YesNo = answer.YesNo,
        Maturity = answer.Maturity,
        OptionCodes = answer.OptionCodes,
        Number = answer.Number,
        Date = answer.Date,
        Text = answer.Text,
        ManualRating = answer.ManualRating,
        Comment = answer.Comment,
        EvidenceJustification = justification,
    };
}
