using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>The supplier register: filters that apply on Enter or choice, a data grid paged and sorted in the database, exports of what is shown.</summary>
public partial class SuppliersPage
{
    /// <summary>The grid's page sizes (25 unless the address says otherwise) and its sortable columns: property, code in the address, and name in the phone's sort choice.</summary>
    private static readonly GridAddress Address = new([25, 50, 100],
    [
        new(nameof(SupplierRow.LegalName), "name", "Supplier"),
        new(nameof(SupplierRow.HqCountry), "country", "HQ country"),
        new(nameof(SupplierRow.Status), "status", "Status"),
        new(nameof(SupplierRow.LatestTier), "tier", "Latest tier"),
        new(nameof(SupplierRow.OwnerName), "owner", "Owner"),
    ]);

    private static readonly MarkupString NewSupplierLink =
        DrawnButton.Link("/suppliers/new", "New supplier", DrawnButton.Look.Filled, Icons.Material.Filled.Add, "new-supplier");

    private static readonly MarkupString ImportLink =
        DrawnButton.Link("/suppliers/import", "Import", DrawnButton.Look.Outlined, Icons.Material.Filled.UploadFile, "import-suppliers");

    private static readonly IReadOnlyList<KeyValuePair<string, string>> StatusOptions =
        [.. Enum.GetValues<SupplierStatus>().Select(s => new KeyValuePair<string, string>(s.ToString(), SupplierLabels.Of(s)))];

    private static readonly IReadOnlyList<KeyValuePair<string, string>> Tiers =
        [.. Enum.GetValues<RiskTier>().Select(t => new KeyValuePair<string, string>(t.ToString(), t.ToString())), new(SupplierFilter.NotDecidedCode, "Not decided")];

    private MudDataGrid<SupplierRow>? grid;
    private SupplierFilter filter = new();
    /// <summary>The owner filter's options: user id, then name.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> owners = [];
    private bool loaded;

    /// <summary>The filters the list shows now, as a query string; the export links carry it.</summary>
    private string appliedQuery = "";

    /// <summary>The grid's place: where it starts, its page and size, the address last read or written (GridPlace).</summary>
    private readonly ListPlace place = new(Address);

    [SupplyParameterFromQuery(Name = "status")] private string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "country")] private string? CountryQuery { get; set; }
    [SupplyParameterFromQuery(Name = "tier")] private string? TierQuery { get; set; }
    [SupplyParameterFromQuery(Name = "owner")] private string? OwnerQuery { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? SearchQuery { get; set; }
    [SupplyParameterFromQuery(Name = "due")] private string? DueQuery { get; set; }
    [SupplyParameterFromQuery(Name = "jlevel")] private string? JurisdictionLevelQuery { get; set; }
    [SupplyParameterFromQuery(Name = "cband")] private string? ControlBandQuery { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private string? PageQuery { get; set; }
    [SupplyParameterFromQuery(Name = "size")] private string? SizeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] private string? SortQuery { get; set; }

    /// <summary>The tier filter's value: a tier, or "none" for suppliers without a decided assessment.</summary>
    private string? TierChoice
    {
        get => filter.NotDecided ? SupplierFilter.NotDecidedCode : filter.Tier?.ToString();
        set
        {
            filter.NotDecided = value == SupplierFilter.NotDecidedCode;
            filter.Tier = Enum.TryParse<RiskTier>(value, out var tier) ? tier : null;
        }
    }

    private bool HasFilters => QueryParameters().Values.Any(v => v is not null);

    private bool HasAppliedFilters => appliedQuery.Length > 0;

    /// <summary>Text in the search box that Enter has not applied yet: only the page has it, so its circuit stays.</summary>
    private bool SearchTyped => (string?)QueryParameters()["q"] != Applied().Search;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // prerender: the shell and <PageLoading />; the data loads once, over the circuit
        }

        owners = [.. (await Queries.OwnersAsync()).Select(o => new KeyValuePair<string, string>(o.Id, o.Name))];
        loaded = true;
    }

    /// <summary>A link from elsewhere (the dashboard, the menu) sets the filters and the grid's place; so does opening the page.</summary>
    protected override void OnParametersSet()
    {
        var fromQuery = new SupplierFilter
        {
            Search = SearchQuery,
            Status = Enum.TryParse<SupplierStatus>(StatusQuery, out var status) ? status : null,
            Country = CountryQuery,
            Tier = Enum.TryParse<RiskTier>(TierQuery, out var tier) ? tier : null,
            NotDecided = TierQuery == SupplierFilter.NotDecidedCode,
            OwnerId = OwnerQuery,
            Due = DueQuery,
            JurisdictionLevel = JurisdictionLevelQuery,
            ControlBand = ControlBandQuery,
        };
        var fromPlace = Address.Read(PageQuery, SizeQuery, SortQuery);
        var query = QueryString(AddressParameters(fromQuery, fromPlace));
        if (place.Arrive(query, fromPlace, grid is not null))
        {
            filter = fromQuery;
            appliedQuery = QueryString(QueryParameters(fromQuery));
        }
    }

    private async Task<GridData<SupplierRow>> LoadAsync(GridState<SupplierRow> state, CancellationToken cancellationToken)
    {
        var applied = Applied();
        var asked = Address.Of(state);
        applied.Sort = asked.Sort;
        var page = await Queries.SearchAsync(applied, asked.PageIndex * asked.Size, asked.Size, cancellationToken);
        // The address names the applied filters and the rows shown (the entry is replaced), so that a reload comes back to them.
        var parameters = AddressParameters(applied, asked);
        if (place.Shown(QueryString(parameters), () => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters("/suppliers", parameters), replace: true)))
        {
            StateHasChanged(); // the pause mark
        }

        return new GridData<SupplierRow> { Items = page.Rows, TotalItems = page.Total };
    }

    /// <summary>Enter in the search box applies the filters, as a search box does everywhere.</summary>
    private async Task SearchKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter")
        {
            await ApplyAsync();
        }
    }

    /// <summary>A choice in a drop-down applies at once; only the search text waits for Enter.</summary>
    private async Task ChangeAsync(Action change)
    {
        change();
        await ApplyAsync();
    }

    /// <summary>The grid goes back to its first page with the filters; its load puts them in the address.</summary>
    private async Task ApplyAsync()
    {
        appliedQuery = QueryString(QueryParameters());
        await grid.FirstPageAsync();
    }

    private async Task ClearSearchAsync()
    {
        filter.Search = null;
        await ApplyAsync();
    }

    private async Task ClearAsync()
    {
        filter = new SupplierFilter();
        await ApplyAsync();
    }

    /// <summary>The filters as last applied (the search box may hold text not yet confirmed with Enter).</summary>
    private SupplierFilter Applied()
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(appliedQuery);
        string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        return new SupplierFilter
        {
            Search = Get("q"),
            Status = Enum.TryParse<SupplierStatus>(Get("status"), out var status) ? status : null,
            Country = Get("country"),
            Tier = Enum.TryParse<RiskTier>(Get("tier"), out var tier) ? tier : null,
            NotDecided = Get("tier") == SupplierFilter.NotDecidedCode,
            OwnerId = Get("owner"),
            Due = Get("due"),
            JurisdictionLevel = Get("jlevel"),
            ControlBand = Get("cband"),
        };
    }

    private Dictionary<string, object?> QueryParameters() => QueryParameters(filter);

    private static Dictionary<string, object?> QueryParameters(SupplierFilter f) => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(f.Search) ? null : f.Search.Trim(),
        ["status"] = f.Status?.ToString(),
        ["country"] = string.IsNullOrEmpty(f.Country) ? null : f.Country,
        ["tier"] = f.NotDecided ? SupplierFilter.NotDecidedCode : f.Tier?.ToString(),
        ["owner"] = string.IsNullOrEmpty(f.OwnerId) ? null : f.OwnerId,
        ["due"] = string.IsNullOrEmpty(f.Due) ? null : f.Due,
        ["jlevel"] = string.IsNullOrEmpty(f.JurisdictionLevel) ? null : f.JurisdictionLevel,
        ["cband"] = string.IsNullOrEmpty(f.ControlBand) ? null : f.ControlBand,
    };

    private static Dictionary<string, object?> AddressParameters(SupplierFilter f, GridPlace shown) =>
        new(QueryParameters(f).Concat(Address.Parameters(shown)));

    private static string QueryString(Dictionary<string, object?> parameters) =>
        string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.ToString()!)}"));

    /// <summary>The export of what the list shows: every supplier the applied filters match.</summary>
    private string ExportUrl(string format) => $"/suppliers/export.{format}" + (appliedQuery.Length > 0 ? "?" + appliedQuery : "");
}
