using MudBlazor;

namespace DueDiligence.Web.Components.Shared;

/// <summary>A data grid that loads its rows (ServerData) shown again from its first page, with what its page now asks for.</summary>
public static class GridReload
{
    /// <summary>New filters or a new search: the first page, loaded with them (a grid not made yet loads them when it is).</summary>
    public static Task FirstPageAsync<T>(this MudDataGrid<T>? grid)
    {
        if (grid is null)
        {
            return Task.CompletedTask;
        }

        if (grid.CurrentPage != 0)
        {
            grid.NavigateTo(Page.First); // a new page number loads that page
            return Task.CompletedTask;
        }

        return grid.ReloadServerData();
    }
}
