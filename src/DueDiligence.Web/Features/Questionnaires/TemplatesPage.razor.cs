using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;
using Radzen;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>The template library: every template with its versions and what can be done with each; new and imported templates.</summary>
public sealed partial class TemplatesPage
{
    private IReadOnlyList<TemplateSummary>? templates;
    private Panel panel;
    private readonly NewTemplateInput newTemplate = new();
    private IReadOnlyList<TemplateError> importErrors = [];
    private string importedFileName = "";
    private bool busy;

    private enum Panel
    {
        None,
        NewTemplate,
        Import,
    }

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync() => templates = await Queries.ListAsync();

    private void ShowPanel(Panel shown)
    {
        panel = panel == shown ? Panel.None : shown;
        importErrors = [];
    }

    private static string Day(DateTime? utc) => utc?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private async Task CreateAsync()
    {
        busy = true;
        Guid? created = null;
        try
        {
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
        if (e.File.Size > TemplateImport.MaxFileBytes)
        {
            // Refused before the upload: the browser would otherwise send the whole file.
            importErrors = [new TemplateError("$", $"The file is {e.File.Size / 1024:N0} KB; a template file may be at most 1 MB. Check that you chose the right file.")];
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

        Notifications.Notify(NotificationSeverity.Success, $"{importedFileName} imported as a draft.", duration: 4000);
        Navigation.NavigateTo($"/admin/templates/{result.Id}");
    }

    private async Task PublishAsync(TemplateVersionRow version)
    {
        var confirmed = await Dialogs.Confirm(
            $"Publish version {version.VersionNumber} of “{version.Name}”? Analysts can then start assessments with it, and it can no longer be edited. A version of this template published before is retired.",
            "Publish", new ConfirmOptions { OkButtonText = "Publish", CancelButtonText = "Not yet" });
        if (confirmed == true && await Feedback.RunAsync(() => Commands.PublishAsync(version.Id, version.EditStamp), $"Version {version.VersionNumber} of “{version.Name}” published."))
        {
            await ReloadAsync();
        }
    }

    private async Task RetireAsync(TemplateVersionRow version)
    {
        var confirmed = await Dialogs.Confirm(
            $"Retire version {version.VersionNumber} of “{version.Name}”? Analysts can no longer start assessments with it; assessments already started keep it.",
            "Retire", new ConfirmOptions { OkButtonText = "Retire", CancelButtonText = "Keep it published" });
        if (confirmed == true && await Feedback.RunAsync(() => Commands.RetireAsync(version.Id), $"Version {version.VersionNumber} of “{version.Name}” retired."))
        {
            await ReloadAsync();
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
}
