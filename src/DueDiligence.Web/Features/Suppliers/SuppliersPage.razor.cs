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
    private const int PageSize = 25;
    private static readonly int[] PageSizes = [25, 50, 100];

    private static readonly IReadOnlyList<KeyValuePair<string, string>> StatusOptions =
        [.. Enum.GetValues<SupplierStatus>().Select(s => new KeyValuePair<string, string>(s.ToString(), SupplierLabels.Of(s)))];

    private static readonly IReadOnlyList<KeyValuePair<string, string>> Tiers =
        [.. Enum.GetValues<RiskTier>().Select(t => new KeyValuePair<string, string>(t.ToString(), t.ToString())), new(SupplierFilter.NotDecidedCode, "Not decided")];

    private MudDataGrid<SupplierRow>? grid;
    private SupplierFilter filter = new();
    /// <summary>The owner filter's options: user id, then name.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> owners = [];
    private bool loaded;

    /// <summary>The query string the list shows now; the export links and a reload carry it.</summary>
    private string appliedQuery = "";

    [SupplyParameterFromQuery(Name = "status")] private string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "country")] private string? CountryQuery { get; set; }
    [SupplyParameterFromQuery(Name = "tier")] private string? TierQuery { get; set; }
    [SupplyParameterFromQuery(Name = "owner")] private string? OwnerQuery { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? SearchQuery { get; set; }
    [SupplyParameterFromQuery(Name = "due")] private string? DueQuery { get; set; }
    [SupplyParameterFromQuery(Name = "jlevel")] private string? JurisdictionLevelQuery { get; set; }
    [SupplyParameterFromQuery(Name = "cband")] private string? ControlBandQuery { get; set; }

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

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // prerender: the shell and <PageLoading />; the data loads once, over the circuit
        }

        owners = [.. (await Queries.OwnersAsync()).Select(o => new KeyValuePair<string, string>(o.Id, o.Name))];
        loaded = true;
    }

    /// <summary>A link from elsewhere (the dashboard, the menu) sets the filters; so does opening the page.</summary>
    protected override async Task OnParametersSetAsync()
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
        var query = QueryString(QueryParameters(fromQuery));
        if (query == appliedQuery && grid is not null)
        {
            return; // our own navigation after Apply: the grid has already reloaded
        }

        filter = fromQuery;
        appliedQuery = query;
        if (grid is not null)
        {
            await FirstPageAsync();
        }
    }

    private async Task<GridData<SupplierRow>> LoadAsync(GridState<SupplierRow> state, CancellationToken cancellationToken)
    {
        var applied = Applied();
        applied.Sort = state.SortDefinitions.FirstOrDefault() is { } sort ? (sort.Descending ? "-" : "") + SortCode(sort.SortBy) : null;
        var page = await Queries.SearchAsync(applied, state.Page * state.PageSize, state.PageSize, cancellationToken);
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

    private async Task ApplyAsync()
    {
        appliedQuery = QueryString(QueryParameters());
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters("/suppliers", QueryParameters()), replace: true);
        await FirstPageAsync();
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

    private async Task FirstPageAsync()
    {
        if (grid is null)
        {
            return;
        }

        if (grid.CurrentPage != 0)
        {
            grid.NavigateTo(Page.First); // loads the first page
        }
        else
        {
            await grid.ReloadServerData();
        }
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

    private static string QueryString(Dictionary<string, object?> parameters) =>
        string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.ToString()!)}"));

    /// <summary>The export of what the list shows: every supplier the applied filters match.</summary>
    private string ExportUrl(string format) => $"/suppliers/export.{format}" + (appliedQuery.Length > 0 ? "?" + appliedQuery : "");

    private static string SortCode(string column) => column switch
    {
        nameof(SupplierRow.HqCountry) => "country",
        nameof(SupplierRow.Status) => "status",
        nameof(SupplierRow.LatestTier) => "tier",
        nameof(SupplierRow.OwnerName) => "owner",
        _ => "name",
    };
}
