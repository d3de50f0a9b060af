using Bunit;
using Bunit.TestDoubles;
using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Lists;

/// <summary>
/// The page of a list paged with a pager, in the address (<c>?page=</c>, from 1): "My work" and "Changed since decision"
/// load what it names, once, and write the pager's choice back in place of the entry. The pages themselves:
/// <see cref="ListPagingTests"/>.
/// </summary>
public sealed class PagerPlaceTests : IDisposable
{
    private readonly BunitContext _bunit = new();

    private NavigationManager Navigation => _bunit.Services.GetRequiredService<NavigationManager>();

    [Theory]
    [InlineData(null, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 0)]
    [InlineData(-4, 0)]
    [InlineData(3, 2)]
    public void Arrive_ReadsThePageCountedFromOne_AndLoadsItOnce(int? fromAddress, int index)
    {
        var place = new PagerPlace(Navigation, 25);

        Assert.True(place.Arrive(fromAddress));
        Assert.Equal(index, place.Index);
        Assert.Equal(index * 25, place.Offset);
        Assert.False(place.Arrive(fromAddress));
        Assert.True(place.Arrive(index + 2));
    }

    [Fact]
    public void PastTheLast_MovesToTheLastPage_OnlyWhenAPageAfterTheFirstFoundNothing()
    {
        var place = new PagerPlace(Navigation, 25);
        place.Arrive(9);

        Assert.False(place.PastTheLast(shown: 3, total: 203));
        Assert.True(place.PastTheLast(shown: 0, total: 52));
        Assert.Equal(2, place.Index);
        Assert.Equal("51–52 of 52", place.Range(2, 52));

        place.Arrive(1);
        Assert.False(place.PastTheLast(shown: 0, total: 0));
        Assert.Equal(0, place.Index);
    }

    [Fact]
    public void Show_WritesThePageInPlaceOfTheEntry_AndLeavesTheFirstOut()
    {
        var place = new PagerPlace(Navigation, 25);
        Navigation.NavigateTo("/my-work?page=2");

        place.Show(4);
        Assert.EndsWith("/my-work?page=4", Navigation.Uri, StringComparison.Ordinal);
        Assert.True(((BunitNavigationManager)Navigation).History.First().Options.ReplaceHistoryEntry);

        place.Show(1);
        Assert.EndsWith("/my-work", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(3, place.Count(51));
    }

    public void Dispose() => _bunit.Dispose();
}
