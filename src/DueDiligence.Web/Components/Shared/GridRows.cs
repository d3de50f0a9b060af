using MudBlazor;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// A data grid's page of rows that its page holds in memory (a short list read once), sorted as the grid asks: so that
/// such a grid loads its rows as the database-paged lists do, and keeps its place in the address alike (GridPlace).
/// </summary>
public static class GridRows
{
    public static GridData<T> Page<T>(IReadOnlyList<T> rows, GridState<T> state)
    {
        var sorted = state.SortDefinitions.FirstOrDefault() is { } by
            ? by.Descending
                ? rows.OrderByDescending(by.SortFunc, by.Comparer ?? Comparer<object?>.Default)
                : rows.OrderBy(by.SortFunc, by.Comparer ?? Comparer<object?>.Default)
            : rows.AsEnumerable();
        return new GridData<T> { Items = [.. sorted.Skip(state.Page * state.PageSize).Take(state.PageSize)], TotalItems = rows.Count };
    }
}
