using System.Globalization;
using MudBlazor;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// Where a list's data grid stands: its page (from 0), its page size and its sort ("tier", or "-tier" for descending).
/// The address names it (<c>?page=3&amp;size=50&amp;sort=-tier</c>, the page counted from 1), so that a reload, a shared
/// link and a page that paused its circuit in a hidden tab (docs/adr/0011) come back to the same rows.
/// </summary>
public sealed record GridPlace(int PageIndex, int Size, string? Sort)
{
    /// <summary>How this place sorts the column whose sort code is <paramref name="code"/>: the column's initial direction.</summary>
    public SortDirection DirectionOf(string code) =>
        Sort == code ? SortDirection.Ascending : Sort == "-" + code ? SortDirection.Descending : SortDirection.None;
}

/// <summary>A sortable column of a list: its property (the grid's sort key), its code in the address and its title.</summary>
public sealed record GridSortColumn(string Field, string Code, string Title);

/// <summary>
/// A list's paging and sorting as its address names them: the page sizes it offers (the first is its default, unless
/// <paramref name="defaultSize"/> names another) and its sortable columns. A default is left out of the address, and what
/// the list does not offer (a page below 1, another size, an unknown sort) reads as the default.
/// </summary>
public sealed class GridAddress(int[] sizes, IReadOnlyList<GridSortColumn> sortable, int? defaultSize = null)
{
    private readonly Dictionary<string, string> sortCodes = sortable.ToDictionary(c => c.Field, c => c.Code);

    /// <summary>The page sizes the pager offers, in its order.</summary>
    public int[] Sizes { get; } = sizes;

    /// <summary>
    /// The orders a list can be shown in, for a choice where the column headers are not shown (a phone's cards): each
    /// sortable column ascending, then descending, by the address's sort code.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> SortChoices { get; } =
    [
        .. sortable.SelectMany(c => new KeyValuePair<string, string>[] { new(c.Code, $"{c.Title}, ascending"), new("-" + c.Code, $"{c.Title}, descending") }),
    ];

    public int DefaultSize { get; } = defaultSize ?? sizes[0];

    public GridPlace Read(string? page, string? size, string? sort)
    {
        var pageIndex = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 1 ? number - 1 : 0;
        var pageSize = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && Sizes.Contains(rows) ? rows : DefaultSize;
        var known = sort is not null && sortCodes.Values.Contains(sort.TrimStart('-')) && sort.LastIndexOf('-') <= 0;
        return new GridPlace(pageIndex, pageSize, known ? sort : null);
    }

    /// <summary>The place a grid asks rows for: its page, size and first sort (a column without a code sorts as the default).</summary>
    public GridPlace Of<T>(GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault() is { } by && sortCodes.TryGetValue(by.SortBy, out var code)
            ? (by.Descending ? "-" : "") + code
            : null;
        return new GridPlace(state.Page, state.PageSize, sort);
    }

    /// <summary>
    /// What an address says of a list, as one string that a page compares (ListPlace): the list's own filters, then the
    /// place.
    /// </summary>
    public string Key(GridPlace place, params object?[] filters) => string.Join("|", filters.Concat(Parameters(place).Select(p => p.Value)));

    /// <summary>The address's parameters for a place: null for what is the default, which removes it from the address.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Parameters(GridPlace place) =>
    [
        new("page", place.PageIndex > 0 ? (place.PageIndex + 1).ToString(CultureInfo.InvariantCulture) : null),
        new("size", place.Size != DefaultSize ? place.Size.ToString(CultureInfo.InvariantCulture) : null),
        new("sort", place.Sort),
    ];
}

/// <summary>
/// What a list page holds of its grid's place, one per page: where the grid starts, its page and size (bound to it), the
/// address the page last read or wrote, and whether rows have been shown (the pause mark waits for them). The page calls
/// <see cref="Arrive"/> with each address it is given and <see cref="Shown"/> each time its grid loads rows.
/// </summary>
/// <remarks>
/// An address the page writes comes back to it once the browser has taken it, and two quick loads (two clicks on a
/// column) write two before the first comes back: the page knows each of its own, so that one that was overtaken is not
/// taken for a link to another place, which would make the grid again and load its rows twice more.
/// </remarks>
public sealed class ListPlace(GridAddress address)
{
    private string? shownQuery;

    /// <summary>The addresses this page wrote that have not come back yet, oldest first.</summary>
    private readonly List<string> written = [];

    /// <summary>The page, size and sort the grid starts from: the address's when the page opens or a link names another.</summary>
    public GridPlace Start { get; private set; } = address.Read(null, null, null);

    public int PageIndex { get; set; }

    public int PageSize { get; set; } = address.DefaultSize;

    /// <summary>The grid's <c>@key</c>: it moves when an address from elsewhere (a link, the menu, Back) names another list or place, and a new grid starts there.</summary>
    public int GridKey { get; private set; }

    /// <summary>Whether the grid has shown rows since the page opened.</summary>
    public bool RowsShown { get; private set; }

    /// <summary>
    /// An address the page is given; <paramref name="query"/> is all the list's address says (its filters and its place).
    /// False for an address this page wrote after loading rows (the last or one a later load overtook); true when the
    /// page is to show what it says.
    /// </summary>
    public bool Arrive(string query, GridPlace place, bool gridMade)
    {
        if (gridMade && written.IndexOf(query) is var own and >= 0)
        {
            written.RemoveRange(0, own + 1);
            return false;
        }

        if (query == shownQuery && gridMade)
        {
            return false;
        }

        written.Clear();
        (Start, PageIndex, PageSize, shownQuery) = (place, place.PageIndex, place.Size, query);
        if (gridMade)
        {
            GridKey++;
        }

        return true;
    }

    /// <summary>
    /// The grid loaded rows that the address <paramref name="query"/> names: <paramref name="writeAddress"/> writes it (in
    /// place of the entry) unless it is the one shown. True for the first rows since the page opened: the page renders
    /// again, for its pause mark.
    /// </summary>
    public bool Shown(string query, Action writeAddress)
    {
        var first = !RowsShown;
        RowsShown = true;
        if (query != shownQuery)
        {
            shownQuery = query;
            written.Add(query);
            writeAddress();
        }

        return first;
    }
}
