using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>
/// The template editor: a draft is edited with live validation (every error next to its field and counted in a
/// summary) and saved as a whole; a published or retired version opens read-only.
/// </summary>
public sealed partial class TemplateEditorPage
{
    private TemplateVersionDetail? detail;
    private bool loaded;

    // The draft being edited (null when the version is read-only), what was last saved, and its edit stamp.
    private TemplateDefinition? editing;
    private TemplateDefinition? readOnly;
    private string savedJson = "";
    private Guid editStamp;
    private TemplateErrorIndex errors = new([]);
    private TemplateEditorLayout layout = new();
    private bool dirty;
    private bool busy;
    private string? problem;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private TemplateQueries Queries { get; set; } = default!;

    [Inject]
    private TemplateCommands Commands { get; set; } = default!;

    [Inject]
    private DiscardTemplateDraft Discard { get; set; } = default!;

    [Inject]
    private UserFeedback Feedback { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string Heading
    {
        get
        {
            var name = (editing ?? readOnly)?.Name;
            return string.IsNullOrWhiteSpace(name) ? (loaded ? "Untitled template" : "Template") : name;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // prerender: the shell and <PageLoading />; the version loads once, over the circuit
        }

        // The router also sets parameters when nothing changed (e.g. a refreshed sign-in): reloading then would drop unsaved edits.
        if (detail?.Version.Id != Id || !loaded)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        detail = await Queries.GetAsync(Id);
        loaded = true;
        problem = null;
        editing = null;
        readOnly = null;
        dirty = false;
        if (detail is null)
        {
            return;
        }

        if (detail.Version.Status == TemplateStatus.Draft)
        {
            editing = detail.Version.Definition;
            editStamp = detail.Version.EditStamp;
            savedJson = TemplateJson.Serialize(editing);
            layout = new TemplateEditorLayout();
            OnChanged();
        }
        else
        {
            readOnly = detail.Version.Definition;
        }
    }

    /// <summary>Every edit lands here: validate again and compare with what was saved.</summary>
    private void OnChanged()
    {
        errors = new TemplateErrorIndex(TemplateValidator.Validate(editing!));
        dirty = TemplateJson.Serialize(editing!) != savedJson;
    }

    private void Change(Action edit)
    {
        edit();
        OnChanged();
    }

    private static string StatusWord(TemplateStatus status) => TemplateStatusBadge.Label(status).ToLowerInvariant();

    private void ShowError(string path) => layout.Show(path, editing!);

    private void AddSection()
    {
        var section = new SectionDefinition { Weight = 1 };
        editing!.Sections.Add(section);
        layout.Open(section);
        OnChanged();
    }

    private async Task<bool> SaveAsync()
    {
        busy = true;
        try
        {
            problem = await Feedback.TryAsync(async () => editStamp = await Commands.SaveDraftAsync(Id, editStamp, editing!));
        }
        finally
        {
            busy = false;
        }

        if (problem is not null)
        {
            return false;
        }

        savedJson = TemplateJson.Serialize(editing!);
        dirty = false;
        Snackbar.Add("Draft saved.", Severity.Success, options => options.VisibleStateDuration = 4000);
        return true;
    }

    private async Task PublishAsync()
    {
        var version = detail!.Version;
        var unsaved = dirty ? " Your unsaved changes are saved first." : "";
        var confirmed = await Dialogs.ConfirmAsync(
            $"Publish version {version.VersionNumber} of “{Heading}”?",
            "Analysts can then start new assessments with it, and it can no longer be edited: to change it later you start a new version. " +
            $"A version of this template published before is retired; assessments already started keep their version.{unsaved}",
            "Publish");
        if (!confirmed || (dirty && !await SaveAsync()))
        {
            return;
        }

        busy = true;
        TemplatePublication? publication = null;
        try
        {
            problem = await Feedback.TryAsync(async () => publication = await Commands.PublishAsync(Id, editStamp));
        }
        finally
        {
            busy = false;
        }

        if (publication is null)
        {
            return;
        }

        var retired = publication.RetiredVersionNumbers.Count switch
        {
            0 => "",
            1 => $" Version {publication.RetiredVersionNumbers[0]} is retired.",
            _ => $" Versions {string.Join(", ", publication.RetiredVersionNumbers)} are retired.",
        };
        Snackbar.Add($"Version {publication.VersionNumber} published.{retired}", Severity.Success, options => options.VisibleStateDuration = 6000);
        await LoadAsync();
    }

    private async Task DiscardAsync()
    {
        var version = detail!.Version;
        var unsaved = dirty ? " Your unsaved changes are lost as well." : "";
        var only = version.VersionNumber == 1 ? " It is the template's only version, so the template leaves the list." : "";
        var confirmed = await Dialogs.ConfirmAsync(
            $"Discard the draft of “{Heading}”?",
            $"Version {version.VersionNumber} and every change saved in it are deleted; this cannot be undone.{unsaved}{only} Published and retired versions are not affected.",
            "Discard draft", destructive: true);
        if (!confirmed)
        {
            return;
        }

        busy = true;
        try
        {
            if (!await Feedback.RunAsync(() => Discard.ExecuteAsync(Id, editStamp), $"Draft version {version.VersionNumber} of “{Heading}” discarded."))
            {
                return;
            }
        }
        finally
        {
            busy = false;
        }

        // Gone: nothing is left to lose, so leaving must not ask about unsaved changes.
        dirty = false;
        Navigation.NavigateTo("/admin/templates");
    }

    private async Task NewVersionAsync()
    {
        busy = true;
        Guid? created = null;
        try
        {
            await Feedback.RunAsync(async () => created = await Commands.NewVersionAsync(Id));
        }
        finally
        {
            busy = false;
        }

        if (created is { } id)
        {
            Navigation.NavigateTo($"/admin/templates/{id}");
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!dirty)
        {
            return;
        }

        var leave = await Dialogs.ConfirmAsync(
            "Leave without saving?",
            "This draft has unsaved changes. If you leave the page now, they are lost.",
            "Leave without saving", destructive: true);
        if (!leave)
        {
            context.PreventNavigation();
        }
    }
}
