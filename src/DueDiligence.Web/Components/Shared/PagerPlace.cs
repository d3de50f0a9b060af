using Microsoft.AspNetCore.Components;

namespace DueDiligence.Web.Components.Shared;

/// <summary>
/// The page of a list paged with a pager (MudPagination), as the address names it: <c>?page=3</c>, counted from 1, none
/// for the first. A reload, a shared link and a page that paused its circuit in a hidden tab (docs/adr/0011) show the
/// same items. The page calls <see cref="Arrive"/> with each address it is given, and loads when it says so.
/// </summary>
public sealed class PagerPlace(NavigationManager navigation, int size)
{
    private bool arrived;

    public int Size { get; } = size;

    /// <summary>The page shown, from 0.</summary>
    public int Index { get; private set; }

    /// <summary>How many items come before the page shown: where the query starts.</summary>
    public int Offset => Index * Size;

    /// <summary>The page the address names (<c>?page=</c>, from 1): true when it is not the one shown, and the page is to load it.</summary>
    public bool Arrive(int? fromAddress)
    {
        var asked = Math.Max((fromAddress ?? 1) - 1, 0);
        if (arrived && asked == Index)
        {
            return false;
        }

        (Index, arrived) = (asked, true);
        return true;
    }

    /// <summary>
    /// After a load that found no item on a page past the last (they were done or removed since the address was made):
    /// true when the page is to load the last page, which this moves to.
    /// </summary>
    public bool PastTheLast(int shown, int total)
    {
        if (shown > 0 || total == 0 || Index == 0)
        {
            return false;
        }

        Index = Count(total) - 1;
        return true;
    }

    /// <summary>How many pages <paramref name="total"/> items fill.</summary>
    public int Count(int total) => (total + Size - 1) / Size;

    /// <summary>"26–50 of 120": the items shown of all.</summary>
    public string Range(int shown, int total) => $"{Offset + 1}–{Offset + shown} of {total}";

    /// <summary>The pager's choice (from 1), written to the address in place of the current entry; the page then loads it.</summary>
    public void Show(int selected) =>
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("page", selected > 1 ? selected : (int?)null), replace: true);
}
