using DueDiligence.Web.Components.Shared;
using MudBlazor;

namespace DueDiligence.Web.Tests.Lists;

/// <summary>A grid's page, size and sort as the address names them: defaults left out, what the list does not offer read as its default.</summary>
public sealed class GridAddressTests
{
    private static readonly GridAddress Address = new([25, 50, 100], [new("LegalName", "name", "Supplier"), new("LatestTier", "tier", "Latest tier")]);

    [Theory]
    [InlineData("3", "50", "-tier", 2, 50, "-tier")]
    [InlineData("1", "25", "name", 0, 25, "name")]
    [InlineData(null, null, null, 0, 25, null)]
    [InlineData("0", "7", "-owner", 0, 25, null)] // below the first page, a size not offered, a column without a code
    [InlineData("-2", "50abc", "--tier", 0, 25, null)]
    [InlineData("two", "", "tier-", 0, 25, null)]
    public void Read_TakesWhatTheListOffers_AndReadsAnythingElseAsTheDefault(string? page, string? size, string? sort, int pageIndex, int rows, string? sorted)
    {
        Assert.Equal(new GridPlace(pageIndex, rows, sorted), Address.Read(page, size, sort));
    }

    [Fact]
    public void Parameters_NameOnlyWhatDiffersFromTheDefault_AndReadBackToTheSamePlace()
    {
        var place = new GridPlace(2, 50, "-tier");

        var parameters = Address.Parameters(place).ToDictionary();

        Assert.Equal(new Dictionary<string, object?> { ["page"] = "3", ["size"] = "50", ["sort"] = "-tier" }, parameters);
        Assert.Equal(place, Address.Read((string?)parameters["page"], (string?)parameters["size"], (string?)parameters["sort"]));
        Assert.All(Address.Parameters(new GridPlace(0, 25, null)), p => Assert.Null(p.Value));
    }

    [Fact]
    public void Key_OfTheSameFiltersAndPlace_IsTheSame_AndDiffersWhenEitherDoes()
    {
        var place = new GridPlace(2, 50, "-tier");

        Assert.Equal(Address.Key(place, "Approved", null), Address.Key(new GridPlace(2, 50, "-tier"), "Approved", null));
        Assert.NotEqual(Address.Key(place, "Approved"), Address.Key(place, "Draft"));
        Assert.NotEqual(Address.Key(place, "Approved"), Address.Key(place with { PageIndex = 0 }, "Approved"));
    }

    [Fact]
    public void Of_AGridState_TakesItsPageSizeAndFirstSort_ByTheColumnsCode()
    {
        var state = new GridState<object>
        {
            Page = 4,
            PageSize = 100,
            SortDefinitions = [new SortDefinition<object>("LatestTier", true, 0, _ => 0, null)],
        };

        Assert.Equal(new GridPlace(4, 100, "-tier"), Address.Of(state));
        Assert.Null(Address.Of(new GridState<object> { PageSize = 25, SortDefinitions = [new SortDefinition<object>("Exposure", false, 0, _ => 0, null)] }).Sort);
    }

    [Theory]
    [InlineData("tier", SortDirection.Ascending)]
    [InlineData("-tier", SortDirection.Descending)]
    [InlineData("-name", SortDirection.None)]
    [InlineData(null, SortDirection.None)]
    public void DirectionOf_AColumn_IsItsDirectionInThePlacesSort(string? sort, SortDirection direction)
    {
        Assert.Equal(direction, new GridPlace(0, 25, sort).DirectionOf("tier"));
    }

    [Fact]
    public void ListPlace_TakesAnAddressFromElsewhere_IgnoresTheOneItWrote_AndStartsANewGridOnlyOnceOneIsMade()
    {
        var place = new ListPlace(Address);

        Assert.True(place.Arrive("sort=-tier", new GridPlace(0, 25, "-tier"), gridMade: false));
        Assert.Equal((0, 25, "-tier", 0), (place.PageIndex, place.PageSize, place.Start.Sort, place.GridKey));
        Assert.False(place.RowsShown);

        Assert.True(place.Loaded("page=2&sort=-tier")); // paged on: the page writes the address
        Assert.False(place.Loaded("page=2&sort=-tier"));
        Assert.True(place.RowsShown);
        Assert.False(place.Arrive("page=2&sort=-tier", new GridPlace(1, 25, "-tier"), gridMade: true)); // the address it wrote

        Assert.True(place.Arrive("size=50", new GridPlace(0, 50, null), gridMade: true)); // a link, the menu, Back
        Assert.Equal((0, 50, null, 1), (place.PageIndex, place.PageSize, place.Start.Sort, place.GridKey));
    }

    [Fact]
    public void ListPlace_Shown_WritesAnAddressNotShownYet_AndSaysWhichRowsAreTheFirst()
    {
        var place = new ListPlace(Address);
        place.Arrive("", new GridPlace(0, 25, null), gridMade: false);
        var written = new List<string>();

        Assert.True(place.Shown("", () => written.Add(""))); // the first rows, at the address they came from
        Assert.False(place.Shown("page=2", () => written.Add("page=2"))); // paged on
        Assert.False(place.Shown("page=2", () => written.Add("again")));
        Assert.Equal(["page=2"], written);
    }
}
