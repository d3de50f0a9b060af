using Bunit;
using DueDiligence.Web.Features.Tooling;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.ToolCustody;

/// <summary>
/// The tooling register keeps its search and "Flagged only" in the address: opened from it, it shows those tools; changed,
/// it writes it in place of the entry; and so, once shown, a hidden tab may pause its circuit (docs/adr/0011).
/// </summary>
public sealed class ToolingRegisterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ToolingScenario _scenario = new(app);

    [Fact]
    public async Task Register_OpensWithTheFilterOfTheAddress_AndWritesAChangeBack()
    {
        var (_, unapproved) = await _scenario.SupplierAsync("Sierra Register", approved: false);
        var (_, approved) = await _scenario.SupplierAsync("Brightpath Register", approved: true);
        var flagged = await TagOfAsync(await _scenario.ToolAsync(unapproved));
        var fine = await TagOfAsync(await _scenario.ToolAsync(approved));
        await using var context = ComponentContext.Create(app, ToolingScenario.Owner, AppRoles.Analyst);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/tooling?flagged=true");

        var page = context.Render<ToolingPage>();
        page.WaitForAssertion(() => Assert.Contains(flagged, Tags(page)), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(fine, Tags(page));
        Assert.Single(page.FindAll("[data-circuit-pausable]"));

        var toggle = page.Find("[data-testid=flagged-only]");
        await page.InvokeAsync(() => (toggle.TagName == "INPUT" ? toggle : toggle.QuerySelector("input")!).Change(false));
        page.WaitForAssertion(() => Assert.Contains(fine, Tags(page)), TimeSpan.FromSeconds(10));
        Assert.EndsWith("/tooling", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolPage_AllowsThePauseInAHiddenTab_WithTheTransferFormKeptByWhatIsTypedInIt()
    {
        var (_, place) = await _scenario.SupplierAsync("Harbour Tool Page", approved: true);
        var tool = await _scenario.ToolAsync(place);
        await using var context = ComponentContext.Create(app, ToolingScenario.Owner, AppRoles.Analyst);

        var page = context.Render<ToolPage>(p => p.Add(x => x.Id, tool));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=transfer-form]")), TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("[data-circuit-pausable]"));
        Assert.NotNull(page.Find("[data-testid=transfer-form][data-unsaved-area]"));
        Assert.Empty(page.FindAll("[data-unsaved]"));
    }

    private static List<string> Tags(IRenderedComponent<ToolingPage> page) =>
        page.FindAll("[data-testid=tool-link]").Select(l => l.TextContent.Trim()).ToList();

    private async Task<string> TagOfAsync(Guid toolId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Tools.Where(t => t.Id == toolId).Select(t => t.Tag).SingleAsync();
    }
}
