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
}
