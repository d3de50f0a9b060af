using Bunit;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Lists;

/// <summary>The sort choice of a list shown as cards: its options, the sort the address names, and the address a choice makes.</summary>
public sealed class GridSortPickerTests
{
    private static readonly GridAddress Address = new([25, 50], [new("LegalName", "name", "Supplier"), new("LatestTier", "tier", "Latest tier")]);

    [Fact]
    public async Task Options_AreEachSortableColumnBothWays_AfterTheDefaultOrder_WithTheAddressesSortChosen()
    {
        await using var context = ComponentContext.Create();

        var picker = context.Bunit.Render<GridSortPicker>(p => p.Add(c => c.Address, Address).Add(c => c.Sort, "-tier"));

        var options = picker.FindAll("select[data-testid=grid-sort] option");
        Assert.Equal(
            ["Default order", "Supplier, ascending", "Supplier, descending", "Latest tier, ascending", "Latest tier, descending"],
            options.Select(o => o.TextContent.Trim()));
        Assert.Equal(["", "name", "-name", "tier", "-tier"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal("-tier", picker.Find("select").GetAttribute("value"));
    }

    [Fact]
    public async Task ASortTheListDoesNotOffer_ReadsAsTheDefaultOrder()
    {
        await using var context = ComponentContext.Create();

        var picker = context.Bunit.Render<GridSortPicker>(p => p.Add(c => c.Address, Address).Add(c => c.Sort, "-owner"));

        Assert.Equal("", picker.Find("select").GetAttribute("value"));
        Assert.Equal(5, picker.FindAll("option").Count);
    }

    [Theory]
    [InlineData("-name", "http://localhost/suppliers?status=Approved&size=50&sort=-name")]
    [InlineData("", "http://localhost/suppliers?status=Approved&size=50")]
    public async Task Choice_KeepsTheFiltersAndSize_GoesBackToTheFirstPage_AndNamesTheSort(string chosen, string address)
    {
        await using var context = ComponentContext.Create();
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/suppliers?status=Approved&page=3&size=50&sort=tier");
        var picker = context.Bunit.Render<GridSortPicker>(p => p.Add(c => c.Address, Address).Add(c => c.Sort, "tier"));

        picker.Find("select").Change(chosen);

        Assert.Equal(address, navigation.Uri);
    }
}
