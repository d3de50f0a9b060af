using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>The template library: every template with its versions and what can be done with each; new and imported templates.</summary>
public sealed partial class TemplatesPage
{
    private IReadOnlyList<TemplateSummary>? templates;
    private Panel panel;
    private readonly NewTemplateInput newTemplate = new();
    private Guid copyFrom;
    private IReadOnlyList<TemplateImportProblem> importErrors = [];
    private string importedFileName = "";
    private int uploadKey;
    private bool busy;

    private enum Panel
    {
        None,
        NewTemplate,
        Import,
    }

    [Inject]
    private TemplateQueries Queries { get; set; } = default!;

    [Inject]
    private TemplateCommands Commands { get; set; } = default!;

    [Inject]
    private DiscardTemplateDraft Discard { get; set; } = default!;

    [Inject]
    private TemplateImport Importer { get; set; } = default!;

    [Inject]
    private UserFeedback Feedback { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // prerender: the shell and <PageLoading />; the list loads once, over the circuit
        }

        templates = await Queries.ListAsync();
    }

    private void ShowPanel(Panel shown)
    {
        panel = panel == shown ? Panel.None : shown;
        importErrors = [];
    }

    /// <summary>"A copy of IP risk, version 2 (published)".</summary>
    private string SourceText(Guid id)
    {
        if (id == Guid.Empty)
        {
            return "A blank template";
        }

        var version = (templates ?? []).SelectMany(t => t.Versions).FirstOrDefault(v => v.Id == id);
        return version is null
            ? "A version that no longer exists"
            : $"A copy of {version.Name}, version {version.VersionNumber} ({TemplateStatusBadge.Label(version.Status).ToLowerInvariant()})";
    }

    private async Task CreateAsync()
    {
        busy = true;
        Guid? created = null;
        try
        {
            newTemplate.CopyFromId = copyFrom == Guid.Empty ? null : copyFrom;
            await Feedback.RunAsync(async () => created = await Commands.CreateAsync(newTemplate));
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

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        importErrors = [];
        importedFileName = e.File.Name;
        uploadKey++; // a fresh file input, so that choosing the same file again after fixing it imports it again
        if (e.File.Size > TemplateImport.MaxFileBytes)
        {
            // Refused before the upload: the browser would otherwise send the whole file.
            importErrors = [TemplateImportProblem.WithFile(
                $"The file is {e.File.Size / 1024:N0} KB; a template file may be at most 1 MB. Check that you chose the right file.")];
            return;
        }

        busy = true;
        TemplateImportResult? result = null;
        try
        {
            // Copied first: the browser stream must be read while the upload event runs.
            using var content = new MemoryStream();
            await using (var upload = e.File.OpenReadStream(TemplateImport.MaxFileBytes))
            {
                await upload.CopyToAsync(content);
            }

            content.Position = 0;
            await Feedback.RunAsync(async () => result = await Importer.ImportAsync(content));
        }
        finally
        {
            busy = false;
        }

        if (result is null)
        {
            return;
        }

        if (!result.Succeeded)
        {
            importErrors = result.Errors;
            return;
        }

        Snackbar.Add($"{importedFileName} imported as a draft.", Severity.Success, options => options.VisibleStateDuration = 4000);
        Navigation.NavigateTo($"/admin/templates/{result.Id}");
    }

    private async Task PublishAsync(TemplateVersionRow version)
    {
        var confirmed = await Dialogs.ConfirmAsync(
            $"Publish version {version.VersionNumber} of “{version.Name}”?",
            "Analysts can then start new assessments with it, and it can no longer be edited: to change it later you start a new version. " +
            "A version of this template published before is retired; assessments already started keep their version.",
            "Publish");
        if (confirmed && await Feedback.RunAsync(() => Commands.PublishAsync(version.Id, version.EditStamp), $"Version {version.VersionNumber} of “{version.Name}” published."))
        {
            await RefreshAsync(version.TemplateKey);
        }
    }

    private async Task RetireAsync(TemplateVersionRow version)
    {
        var confirmed = await Dialogs.ConfirmAsync(
            $"Retire version {version.VersionNumber} of “{version.Name}”?",
            "Analysts can no longer start assessments with it; assessments already started keep it. Until a new version is published, " +
            "this questionnaire is not offered for new assessments.",
            "Retire", destructive: true);
        if (confirmed && await Feedback.RunAsync(() => Commands.RetireAsync(version.Id), $"Version {version.VersionNumber} of “{version.Name}” retired."))
        {
            await RefreshAsync(version.TemplateKey);
        }
    }

    private async Task DiscardAsync(TemplateSummary template, TemplateVersionRow version)
    {
        var whole = template.Versions.Count == 1 ? " It is the template's only version, so the template leaves the list." : "";
        var confirmed = await Dialogs.ConfirmAsync(
            $"Discard the draft of “{version.Name}”?",
            $"Version {version.VersionNumber} and every change in it are deleted; this cannot be undone.{whole} Published and retired versions are not affected.",
            "Discard draft", destructive: true);
        if (confirmed && await Feedback.RunAsync(() => Discard.ExecuteAsync(version.Id, version.EditStamp), $"Draft version {version.VersionNumber} of “{version.Name}” discarded."))
        {
            await RefreshAsync(version.TemplateKey);
        }
    }

    private async Task NewVersionAsync(TemplateVersionRow version)
    {
        Guid? created = null;
        if (await Feedback.RunAsync(async () => created = await Commands.NewVersionAsync(version.Id)))
        {
            Navigation.NavigateTo($"/admin/templates/{created}");
        }
    }

    /// <summary>Reads the one template that changed again and puts it in its place (or takes it out when it has no version left).</summary>
    private async Task RefreshAsync(Guid templateKey)
    {
        var summary = await Queries.SummaryAsync(templateKey);
        var list = (templates ?? []).ToList();
        var index = list.FindIndex(t => t.TemplateKey == templateKey);
        if (index < 0)
        {
            return;
        }

        if (summary is null)
        {
            list.RemoveAt(index);
        }
        else
        {
            list[index] = summary;
        }

        templates = list;
    }
}
