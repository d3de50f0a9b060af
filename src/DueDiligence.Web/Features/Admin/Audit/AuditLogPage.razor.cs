using System.Globalization;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DueDiligence.Web.Features.Admin.Audit;

/// <summary>
/// The audit log's filters and place in the address (<c>/admin/audit?type=Supplier&amp;by=ana&amp;from=2026-12-01&amp;page=2</c>):
/// a reload, a shared link and a page that paused its circuit in a hidden tab (docs/adr/0011) show the same events.
/// Filters apply with the button or Enter, as before; what is typed and not applied stays on the page only.
/// </summary>
public partial class AuditLogPage
{
    /// <summary>The grid's page sizes (25 unless the address says otherwise); the log is always newest first.</summary>
    private static readonly GridAddress Address = new([25, 50, 100], []);

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The filters as the fields show them, and as last applied to the grid.</summary>
    private AuditFilter filter = new();
    private AuditFilter applied = new();

    /// <summary>The grid's place: where it starts, its page and size, the address last read or written (GridPlace).</summary>
    private readonly ListPlace place = new(Address);

    [SupplyParameterFromQuery(Name = "type")] private string? TypeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "key")] private string? KeyQuery { get; set; }
    [SupplyParameterFromQuery(Name = "by")] private string? ActorQuery { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "before")] private string? BeforeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private string? PageQuery { get; set; }
    [SupplyParameterFromQuery(Name = "size")] private string? SizeQuery { get; set; }

    /// <summary>A filter typed or chosen and not applied yet: only the page has it.</summary>
    private bool FiltersTyped => QueryOf(filter) != QueryOf(applied);

    /// <summary>Opening the page, or a link from elsewhere (the menu, Back), sets the filters and the grid's place.</summary>
    protected override void OnParametersSet()
    {
        var fromQuery = new AuditFilter
        {
            EntityType = Blank(TypeQuery),
            EntityKey = Blank(KeyQuery),
            Actor = Blank(ActorQuery),
            FromUtc = DateOf(FromQuery),
            ToUtc = DateOf(BeforeQuery),
        };
        var fromPlace = Address.Read(PageQuery, SizeQuery, null);
        if (place.Arrive(Address.Key(fromPlace, QueryOf(fromQuery)), fromPlace, grid is not null))
        {
            filter = Copy(fromQuery);
            applied = Copy(fromQuery);
        }
    }

    private async Task<GridData<AuditEvent>> LoadAsync(GridState<AuditEvent> state, CancellationToken cancellationToken)
    {
        var shown = Address.Of(state);
        var page = await Audit.SearchAsync(applied, shown.PageIndex * shown.Size, shown.Size, cancellationToken);
        names = page.Names;
        // The address names the applied filters and the events shown (the entry is replaced), so that a reload comes back to them.
        var parameters = new Dictionary<string, object?>(Parameters(applied).Concat(Address.Parameters(shown)));
        if (place.Shown(Address.Key(shown, QueryOf(applied)), () => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters), replace: true)))
        {
            StateHasChanged(); // the pause mark
        }

        return new GridData<AuditEvent> { Items = page.Events, TotalItems = page.Total };
    }

    /// <summary>The grid goes back to its first page with the filters; its load puts them in the address.</summary>
    private Task ApplyAsync()
    {
        applied = Copy(filter);
        return grid.FirstPageAsync();
    }

    private static IEnumerable<KeyValuePair<string, object?>> Parameters(AuditFilter f) =>
    [
        new("type", Blank(f.EntityType)),
        new("key", Blank(f.EntityKey)),
        new("by", Blank(f.Actor)),
        new("from", f.FromUtc?.ToString(DateFormat, CultureInfo.InvariantCulture)),
        new("before", f.ToUtc?.ToString(DateFormat, CultureInfo.InvariantCulture)),
    ];

    private static string QueryOf(AuditFilter f) => string.Join("|", Parameters(f).Select(p => p.Value));

    private static AuditFilter Copy(AuditFilter f) =>
        new() { EntityType = f.EntityType, EntityKey = f.EntityKey, Actor = f.Actor, FromUtc = f.FromUtc, ToUtc = f.ToUtc };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A day in the address; anything else reads as no date.</summary>
    private static DateTime? DateOf(string? text) =>
        DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
            ? DateTime.SpecifyKind(day, DateTimeKind.Utc)
            : null;
}
