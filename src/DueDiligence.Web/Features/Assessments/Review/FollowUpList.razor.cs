using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DueDiligence.Web.Features.Assessments.Review;

/// <summary>The steps of the follow-up list: one item's form open at a time, its refusal shown under it until the next step.</summary>
public sealed partial class FollowUpList
{
    private Guid? editing;
    private FollowUpStep step;
    private string? reason;
    private IBrowserFile? file;
    private Guid? refusalFor;
    private string? refusal;
    private bool busy;
    private IReadOnlyList<OwnerChoice>? choices;

    [Parameter, EditorRequired]
    public IReadOnlyList<FollowUpEntry> Entries { get; set; } = [];

    [Parameter, EditorRequired]
    public string Empty { get; set; } = "";

    [Parameter, EditorRequired]
    public Guid AssessmentId { get; set; }

    [Parameter]
    public bool CanAct { get; set; }

    [Parameter]
    public bool CanOpenFiles { get; set; }

    [Parameter]
    public EventCallback<Assessment> Changed { get; set; }

    private static Color ChipColor(FollowUpEntry entry) =>
        entry.IsDone ? Color.Success : entry.IsOpen ? Color.Warning : entry.Outstanding ? Color.Info : Color.Default;

    private void Open(FollowUpEntry entry, FollowUpStep next)
    {
        editing = entry.Item.Id;
        step = next;
        reason = null;
        file = null;
        refusal = null;
    }

    private void Close()
    {
        editing = null;
        refusal = null;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (CanAct && choices is null && RendererInfo.IsInteractive)
        {
            await Feedback.TryAsync(async () => choices = await Owners.ChoicesAsync(AssessmentId));
        }
    }

    /// <summary>Makes the chosen user the owner; they are notified.</summary>
    private async Task AssignAsync(FollowUpEntry entry, string? ownerId)
    {
        if (busy || ownerId is null || ownerId == entry.OwnerId)
        {
            return;
        }

        busy = true;
        Assessment? saved = null;
        var name = choices?.FirstOrDefault(c => c.Id == ownerId)?.Name ?? "the chosen user";
        try
        {
            refusal = await Feedback.RunStepAsync(async () => saved = await Owners.AssignAsync(AssessmentId, entry.Item, ownerId), $"{name} now owns the {entry.Noun}, and is notified.");
        }
        finally
        {
            busy = false;
        }

        refusalFor = entry.Item.Id;
        if (saved is not null)
        {
            await Changed.InvokeAsync(saved);
        }
    }

    private async Task StepAsync(FollowUpEntry entry, FollowUpStep next)
    {
        if (busy)
        {
            return;
        }

        busy = true;
        Assessment? saved = null;
        var chosen = editing == entry.Item.Id ? file : null;
        try
        {
            // The store reads at most one byte past the limit and then refuses the file with its own message.
            await using var content = chosen?.OpenReadStream(Store.MaxUploadBytes + 1);
            var upload = chosen is null ? null : new FulfilmentFile(chosen.Name, content!);
            refusal = await Feedback.RunStepAsync(
                async () => saved = await FollowUp.TakeStepAsync(AssessmentId, entry.Item, next, reason, upload), Done(entry, next));
        }
        catch (EvidenceRejectedException rejected)
        {
            refusal = rejected.Message;
        }
        finally
        {
            busy = false;
        }

        refusalFor = entry.Item.Id;
        if (saved is not null)
        {
            editing = null;
            await Changed.InvokeAsync(saved);
        }
    }

    private static string Done(FollowUpEntry entry, FollowUpStep next) => next switch
    {
        FollowUpStep.Start => $"The {entry.Noun} is in progress.",
        FollowUpStep.Complete => entry.Item.Kind == FollowUpKind.Condition ? "Condition marked met." : "Finding resolved.",
        FollowUpStep.Waive => $"The {entry.Noun} is waived.",
        _ => $"The {entry.Noun} is open again.",
    };
}
