using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Tests.Lists;

/// <summary>
/// A list page's place and the addresses it writes: each comes back to the page once the browser has taken it, and only
/// an address from elsewhere makes the grid again.
/// </summary>
public sealed class ListPlaceAddressTests
{
    private static readonly GridAddress Address = new([25, 50, 100], [new("LegalName", "name", "Supplier"), new("LatestTier", "tier", "Latest tier")]);

    private static readonly GridPlace Default = new(0, 25, null);
    private static readonly GridPlace ByTier = new(0, 25, "tier");
    private static readonly GridPlace ByTierDescending = new(0, 25, "-tier");

    /// <summary>A page opened on the default address, whose grid has been made and has shown its first rows.</summary>
    private static ListPlace Opened()
    {
        var place = new ListPlace(Address);
        Assert.True(place.Arrive(Key(Default), Default, gridMade: false));
        Assert.True(place.Shown(Key(Default), () => Assert.Fail("the address already names the rows shown")));
        return place;
    }

    [Fact]
    public void TwoQuickLoads_WriteTwoAddresses_AndNeitherMakesTheGridAgainWhenItComesBack()
    {
        var place = Opened();
        var writes = new List<string>();

        Assert.False(place.Shown(Key(ByTier), () => writes.Add(Key(ByTier))));
        Assert.False(place.Shown(Key(ByTierDescending), () => writes.Add(Key(ByTierDescending))));

        Assert.False(place.Arrive(Key(ByTier), ByTier, gridMade: true)); // overtaken by the second load
        Assert.False(place.Arrive(Key(ByTierDescending), ByTierDescending, gridMade: true));
        Assert.Equal([Key(ByTier), Key(ByTierDescending)], writes);
        Assert.Equal(0, place.GridKey);
    }

    [Fact]
    public void AnAddressFromElsewhere_MakesTheGridAgainAtItsPlace_EvenOneThePageWroteBefore()
    {
        var place = Opened();
        place.Shown(Key(ByTier), () => { });
        place.Shown(Key(ByTierDescending), () => { });

        // Back, before either write came back: the page shows what the address says, and forgets its own writes.
        Assert.True(place.Arrive(Key(Default), Default, gridMade: true));
        Assert.Equal((1, Default), (place.GridKey, place.Start));

        Assert.True(place.Arrive(Key(ByTier), ByTier, gridMade: true)); // a link to the order the page once wrote
        Assert.Equal((2, ByTier), (place.GridKey, place.Start));
        Assert.False(place.Arrive(Key(ByTier), ByTier, gridMade: true)); // the same again: it is the one shown
        Assert.Equal(2, place.GridKey);
    }

    [Fact]
    public void AnAddressFromElsewhere_StartsANewGridOnlyOnceOneIsMade_AndTheOneThePageWroteDoesNot()
    {
        var place = new ListPlace(Address);

        Assert.True(place.Arrive(Key(ByTierDescending), ByTierDescending, gridMade: false));
        Assert.Equal((0, 25, "-tier", 0), (place.PageIndex, place.PageSize, place.Start.Sort, place.GridKey));
        Assert.False(place.RowsShown);

        var second = ByTierDescending with { PageIndex = 1 };
        Assert.True(place.Shown(Key(second), () => { })); // the first rows, paged on at once
        Assert.False(place.Arrive(Key(second), second, gridMade: true)); // the address it wrote

        var larger = Default with { Size = 50 };
        Assert.True(place.Arrive(Key(larger), larger, gridMade: true)); // a link, the menu, Back
        Assert.Equal((0, 50, null, 1), (place.PageIndex, place.PageSize, place.Start.Sort, place.GridKey));
    }

    [Fact]
    public void Shown_WritesAnAddressNotShownYet_AndSaysWhichRowsAreTheFirst()
    {
        var place = new ListPlace(Address);
        place.Arrive(Key(Default), Default, gridMade: false);
        var second = Default with { PageIndex = 1 };
        var written = new List<string>();

        Assert.False(place.RowsShown);
        Assert.True(place.Shown(Key(Default), () => written.Add("first"))); // the first rows, at the address they came from
        Assert.False(place.Shown(Key(second), () => written.Add("paged on")));
        Assert.False(place.Shown(Key(second), () => written.Add("again")));
        Assert.Equal(["paged on"], written);
        Assert.True(place.RowsShown);
    }

    private static string Key(GridPlace place) => Address.Key(place, "Approved");
}
