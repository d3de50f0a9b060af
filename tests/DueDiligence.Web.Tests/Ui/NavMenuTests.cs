using System.Security.Claims;
using Bunit;
using DueDiligence.Web.Components.Layout;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>The navigation menu drawn in plain links: which entry is the current page's, and the groups that the browser opens and closes.</summary>
public sealed class NavMenuTests : IAsyncDisposable
{
    private readonly ComponentContext _context = ComponentContext.Create();

    [Fact]
    public void CurrentEntry_IsThePagesOwnOrTheOneAboveIt_AndHomeOnlyOnTheHomePage()
    {
        var navigation = _context.Bunit.Services.GetRequiredService<NavigationManager>();
        var menu = Render(AppRoles.Analyst);

        Assert.Equal(["Home"], Current(menu));

        navigation.NavigateTo("/suppliers/0196f7a1-1111-7000-8000-000000000001?tab=history");
        menu.WaitForAssertion(() => Assert.Equal(["Suppliers"], Current(menu)));

        navigation.NavigateTo("/my-work");
        menu.WaitForAssertion(() => Assert.Equal(["My work"], Current(menu)));
        Assert.Equal("page", menu.Find("a.active").GetAttribute("aria-current"));
        Assert.Empty(menu.FindAll("a[aria-current]:not(.active)"));
    }

    [Fact]
    public void Group_IsADetailsElementThatStartsOpen_WithItsEntries()
    {
        // The browser opens and closes it (a details element), on a page with or without a circuit (end-to-end:
        // StaticLayoutTests).
        var menu = Render(AppRoles.Admin);
        var group = menu.Find("details.mud-nav-group");

        Assert.True(group.HasAttribute("open"));
        Assert.Equal("Administration", group.QuerySelector("summary")!.TextContent.Trim());
        Assert.Contains("Audit log", group.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.DoesNotContain("Jurisdictions", group.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Contains("Jurisdictions", Entries(menu));
    }

    private IRenderedComponent<NavMenu> Render(string role) =>
        _context.Bunit.Render<NavMenu>(p => p.Add(m => m.User, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"))));

    private static List<string> Current(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("[data-testid=nav] a.active").Select(a => a.TextContent.Trim()).ToList();

    private static List<string> Entries(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("[data-testid=nav] a").Select(a => a.TextContent.Trim()).ToList();

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
