using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Radzen;

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

    private string Heading
    {
        get
        {
            var name = (editing ?? readOnly)?.Name;
            return string.IsNullOrWhiteSpace(name) ? "Untitled template" : name;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
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
            dirty = false;
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

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
            problem = await UserFeedback.TryAsync(async () => editStamp = await Commands.SaveDraftAsync(Id, editStamp, editing!));
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
        Notifications.Notify(NotificationSeverity.Success, "Draft saved.", duration: 4000);
        return true;
    }

    private async Task PublishAsync()
    {
        var version = detail!.Version;
        var confirmed = await Dialogs.Confirm(
            $"Publish version {version.VersionNumber} of “{Heading}”? Analysts can then start assessments with it, and it can no longer be edited. A version of this template published before is retired.",
            "Publish", new ConfirmOptions { OkButtonText = "Publish", CancelButtonText = "Not yet" });
        if (confirmed != true || (dirty && !await SaveAsync()))
        {
            return;
        }

        busy = true;
        TemplatePublication? publication = null;
        try
        {
            problem = await UserFeedback.TryAsync(async () => publication = await Commands.PublishAsync(Id, editStamp));
        }
        finally
        {
            busy = false;
        }

        if (publication is null)
        {
            return;
        }

        var retired = publication.RetiredVersionNumbers.Count == 0
            ? ""
            : $" Version {string.Join(", ", publication.RetiredVersionNumbers)} is retired.";
        Notifications.Notify(NotificationSeverity.Success, $"Version {publication.VersionNumber} published.{retired}", duration: 6000);
        await LoadAsync();
    }

    private async Task NewVersionAsync()
    {
        busy = true;
        Guid? created = null;
        try
        {
            problem = await UserFeedback.TryAsync(async () => created = await Commands.NewVersionAsync(Id));
        }
        finally
        {
            busy = false;
        }

        if (problem is not null)
        {
            Notifications.Notify(NotificationSeverity.Error, "No new version", problem, duration: 12000);
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

        var leave = await Dialogs.Confirm(
            "This draft has unsaved changes. Leave the page and lose them?", "Unsaved changes",
            new ConfirmOptions { OkButtonText = "Leave without saving", CancelButtonText = "Stay" });
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
