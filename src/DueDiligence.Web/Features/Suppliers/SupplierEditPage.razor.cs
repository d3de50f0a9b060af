using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>Registering or editing a supplier, with its sites, subcontractors, contacts and IP exposure, and the duplicate warnings.</summary>
public partial class SupplierEditPage
{
    private static readonly SiteActivity[] Activities = Enum.GetValues<SiteActivity>().Where(a => a != SiteActivity.None).ToArray();
    private SupplierInput? input;
    private string originalName = "";
    private string? originalCountry;
    private bool notFound;

    /// <summary>Why this analyst may not save (neither owner nor collaborator), or null.</summary>
    private string? refusal;
    private bool saving;
    private bool invalidSubmit;
    private DuplicateSupplierException? duplicate;
    private string? problem;

    /// <summary>Suppliers of the register whose name resembles the one entered, shown under the name before saving.</summary>
    private IReadOnlyList<SimilarSupplier> similar = [];

    /// <summary>The name and country the shown similar suppliers were found for.</summary>
    private (string Name, string? Country)? checkedFor;

    /// <summary>The name and country whose similar suppliers the user has seen when pressing save; a second press saves.</summary>
    private (string Name, string? Country)? seenOnSave;

    private bool similarToConfirm;

    [Parameter]
    public Guid? Id { get; set; }

    /// <summary>The record the form was filled from (null for a new supplier), once it has been.</summary>
    private (bool Done, Guid? For) loadedFor;

    private bool IsNew => Id is null;

    private string SaveText => IsNew ? "Create supplier" : "Save changes";

    protected override async Task OnParametersSetAsync()
    {
        // Loads once per record: a re-render from above (the layout, the sign-in state) must not reset a form being filled.
        if (!RendererInfo.IsInteractive || loadedFor == (true, Id))
        {
            return; // prerender: the shell and <PageLoading />; the form appears once it can be used
        }

        loadedFor = (true, Id);
        if (IsNew)
        {
            input = new SupplierInput { Sites = [new SiteInput()], Exposure = [new ExposureInput()] };
            return;
        }

        var detail = await Queries.GetAsync(Id!.Value);
        notFound = detail is null;
        refusal = detail is { CanEdit: false } ? detail.EditRefusal : null;
        input = detail is null ? null : SupplierInput.From(detail.Supplier);
        originalName = input?.LegalName ?? "";
        originalCountry = input?.HqCountry;
        if (input is not null)
        {
            await CheckNameAsync();
        }
    }

    /// <summary>The subcontractor's activity beside the question, so the answer is given knowing what it does.</summary>
    private static string IpHandlingHint(SubcontractorInput sub) =>
        (string.IsNullOrWhiteSpace(sub.Activity) ? "Say what it does above, then answer." : $"What it does: {sub.Activity.Trim()}.")
        + (sub.IpHandling == SubcontractorIpHandling.NotConfirmed ? " Until confirmed it counts as handling our IP." : "");

    /// <summary>The chosen answer, short enough for the field on a phone; the list says what each answer does.</summary>
    private static string IpHandlingChoice(SubcontractorIpHandling choice) => choice switch
    {
        SubcontractorIpHandling.HandlesOurIp => "Handles our IP",
        SubcontractorIpHandling.DoesNotHandleOurIp => "Does not handle our IP",
        _ => "Not confirmed yet",
    };

    private static void Toggle(SiteInput site, SiteActivity activity, bool on) =>
        site.Activities = on ? site.Activities | activity : site.Activities & ~activity;

    /// <summary>Looks for suppliers with the same or a similar name as soon as the name or the HQ country changes.</summary>
    private async Task CheckNameAsync()
    {
        var current = Current();
        if (checkedFor == current)
        {
            return;
        }

        checkedFor = current;
        var found = await Queries.SimilarAsync(input!.LegalName, input.HqCountry, Id);
        // A pair registered before names were compared this way stays editable while its name keeps its key: a warning, not a refusal.
        var unchanged = !IsNew && LegalNames.Key(input.LegalName) == LegalNames.Key(originalName) && input.HqCountry == originalCountry;
        similar = unchanged ? [.. found.Select(s => s.IsDuplicate ? s with { Match = NameMatch.SameName } : s)] : found;
        similarToConfirm = false;
    }

    private (string Name, string? Country) Current() => (input!.LegalName.Trim(), input.HqCountry);

    private async Task SaveAsync()
    {
        invalidSubmit = false;
        duplicate = null;
        problem = null;
        await CheckNameAsync();
        // A similar name is worth a look before the supplier is saved: the first press shows it, the second saves.
        var renamed = IsNew || Current() != (originalName.Trim(), originalCountry);
        if (renamed && similar.Count > 0 && !similar.Any(s => s.IsDuplicate) && seenOnSave != Current())
        {
            seenOnSave = Current();
            similarToConfirm = true;
            return;
        }

        similarToConfirm = false;
        saving = true;
        Guid? created = null;
        try
        {
            problem = await Feedback.TryAsync(async () =>
            {
                if (IsNew)
                {
                    created = await Commands.CreateAsync(input!);
                }
                else
                {
                    await Commands.UpdateAsync(input!);
                }
            });
        }
        catch (DuplicateSupplierException e)
        {
            duplicate = e;
        }
        finally
        {
            saving = false;
        }

        if (problem is null && duplicate is null)
        {
            Snackbar.Add(IsNew ? "Supplier created." : "Changes saved.", Severity.Success);
            Navigation.NavigateTo($"/suppliers/{created ?? Id}");
        }
    }

    private static string KindText(SupplierCategory? category) => category is { } c ? SupplierLabels.Of(c) : "";

    private static string AssetText(IpAssetCategory? category) => category is { } c ? SupplierLabels.Of(c) : "";

    private static string SensitivityText(int level) => level switch
    {
        1 => "1 (low)",
        5 => "5 (crown jewels)",
        _ => level.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
