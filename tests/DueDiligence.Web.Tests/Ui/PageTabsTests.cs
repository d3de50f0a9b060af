using Bunit;
using Bunit.TestDoubles;
using DueDiligence.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>Tabs within a page (PageTabs): WAI-ARIA's tab pattern, the chosen panel, and the choice kept in the address.</summary>
public sealed class PageTabsTests : IAsyncDisposable
{
    private readonly ComponentContext _context = ComponentContext.Create();

    [Fact]
    public void WithoutAChoice_ShowsTheFirstTab_AndOnlyItsPanel_NamedByIt()
    {
        var tabs = _context.Bunit.Render<TabsHost>();

        var buttons = tabs.FindAll("[role=tablist][aria-label=Test] > button[role=tab]");
        Assert.Equal(["First", "Second", "Third"], buttons.Select(b => b.TextContent));
        Assert.Equal(["true", "false", "false"], buttons.Select(b => b.GetAttribute("aria-selected")));
        Assert.Equal(["0", "-1", "-1"], buttons.Select(b => b.GetAttribute("tabindex")));
        var panel = Assert.Single(tabs.FindAll("[role=tabpanel]"));
        Assert.Equal("first panel", panel.TextContent);
        Assert.Equal(panel.Id, buttons[0].GetAttribute("aria-controls"));
        Assert.Equal(buttons[0].Id, panel.GetAttribute("aria-labelledby"));
        Assert.Equal("test-panel-first", panel.Id);
    }

    [Theory]
    [InlineData("third", "third panel")]
    [InlineData("fourth", "first panel")]
    public void ItsChoice_ShowsThatTab_OrTheFirstWhenItNamesNone(string selected, string shown)
    {
        var tabs = _context.Bunit.Render<TabsHost>(p => p.Add(h => h.Selected, selected));

        Assert.Equal(shown, Assert.Single(tabs.FindAll("[role=tabpanel]")).TextContent);
        Assert.Equal(shown.Split(' ')[0], tabs.Find("[aria-selected=true]").TextContent.ToLowerInvariant());
    }

    [Fact]
    public void Choosing_WithAnAddressParameter_KeepsTheTabInTheAddress_InPlaceOfTheEntry_AndTheFirstTabTakesItOut()
    {
        var navigation = _context.Bunit.Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/suppliers/1?status=Approved");
        var tabs = _context.Bunit.Render<TabsHost>(p => p.Add(h => h.AddressParameter, "tab"));

        tabs.FindAll("[role=tab]")[1].Click();

        Assert.Equal("second panel", Assert.Single(tabs.FindAll("[role=tabpanel]")).TextContent);
        Assert.Equal("http://localhost/suppliers/1?status=Approved&tab=second", navigation.Uri);
        Assert.True(navigation.History.First().Options.ReplaceHistoryEntry);

        tabs.FindAll("[role=tab]")[0].Click();

        Assert.Equal("http://localhost/suppliers/1?status=Approved", navigation.Uri);
        Assert.Equal("first panel", Assert.Single(tabs.FindAll("[role=tabpanel]")).TextContent);
    }

    [Fact]
    public void Choosing_WithoutAnAddressParameter_LeavesTheAddress()
    {
        var navigation = _context.Bunit.Services.GetRequiredService<BunitNavigationManager>();
        var tabs = _context.Bunit.Render<TabsHost>();

        tabs.FindAll("[role=tab]")[2].Click();

        Assert.Equal("third panel", Assert.Single(tabs.FindAll("[role=tabpanel]")).TextContent);
        Assert.Equal("http://localhost/", navigation.Uri);
    }

    [Fact]
    public void KeepPanelsAlive_RendersEveryPanel_AndHidesTheOthers()
    {
        var tabs = _context.Bunit.Render<TabsHost>(p => p.Add(h => h.KeepPanelsAlive, true).Add(h => h.Selected, "second"));

        var panels = tabs.FindAll("[role=tabpanel]");
        Assert.Equal(["first panel", "second panel", "third panel"], panels.Select(p => p.TextContent));
        Assert.Equal([true, false, true], panels.Select(p => p.HasAttribute("hidden")));
    }

    [Fact]
    public void ATabThatIsRenamed_ShowsItsNewNameInTheBar()
    {
        var tabs = _context.Bunit.Render<TabsHost>();

        tabs.Render(p => p.Add(h => h.SecondText, "Evidence (3)"));

        Assert.Equal("Evidence (3)", tabs.FindAll("[role=tab]")[1].TextContent);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    /// <summary>A page with three tabs, as a page writes them.</summary>
    public sealed class TabsHost : ComponentBase
    {
        [Parameter]
        public string? Selected { get; set; }

        [Parameter]
        public bool KeepPanelsAlive { get; set; }

        [Parameter]
        public string? AddressParameter { get; set; }

        [Parameter]
        public string SecondText { get; set; } = "Second";

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<PageTabs>(0);
            builder.AddComponentParameter(1, nameof(PageTabs.Label), "Test");
            builder.AddComponentParameter(2, nameof(PageTabs.IdPrefix), "test");
            builder.AddComponentParameter(3, nameof(PageTabs.Selected), Selected);
            builder.AddComponentParameter(4, nameof(PageTabs.KeepPanelsAlive), KeepPanelsAlive);
            builder.AddComponentParameter(5, nameof(PageTabs.AddressParameter), AddressParameter);
            builder.AddComponentParameter(6, nameof(PageTabs.ChildContent), (RenderFragment)(tabs =>
            {
                Tab(tabs, "first", "First");
                Tab(tabs, "second", SecondText);
                Tab(tabs, "third", "Third");
            }));
            builder.CloseComponent();
        }

        /// <summary>One tab; the three are siblings of one sequence, as the items of a loop are.</summary>
        private static void Tab(RenderTreeBuilder builder, string key, string text)
        {
            builder.OpenComponent<PageTab>(0);
            builder.SetKey(key);
            builder.AddComponentParameter(1, nameof(PageTab.Key), key);
            builder.AddComponentParameter(2, nameof(PageTab.Text), text);
            builder.AddComponentParameter(3, nameof(PageTab.ChildContent), (RenderFragment)(panel => panel.AddContent(0, $"{key} panel")));
            builder.CloseComponent();
        }
    }
}
