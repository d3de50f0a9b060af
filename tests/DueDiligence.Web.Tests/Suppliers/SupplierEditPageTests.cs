using AngleSharp.Dom;
using Bunit;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>The supplier form as an analyst fills it in: messages next to the fields, and a warning before a supplier is registered twice.</summary>
public sealed class SupplierEditPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Save_WhenRequiredFieldsAreEmpty_ShowsEachMessageUnderItsFieldAndSavesNothing()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var before = await CountAsync();
        var (page, _) = Render(context);

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=form-invalid]")));
        var messages = page.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Contains("Enter the supplier's legal name.", messages);
        Assert.Contains("Choose the HQ country.", messages);
        Assert.Contains("Choose the kind of supplier.", messages);
        Assert.Contains("Choose the site country.", messages);
        Assert.Contains("Enter the city of the site.", messages);
        Assert.Contains("Choose the kind of IP.", messages);
        Assert.Equal("Enter the supplier's legal name.", ErrorUnder(page, "legal-name"));
        Assert.Equal("Enter the city of the site.", ErrorUnder(page, "site-city"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Field_WhenChangedToAnInvalidValue_ShowsItsMessageAtOnce()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var (page, _) = Render(context);

        await page.Find("input[data-testid=duns]").ChangeAsync(new ChangeEventArgs { Value = "12345" });
        await page.Find("input[data-testid=website]").ChangeAsync(new ChangeEventArgs { Value = "www.example.com" });

        page.WaitForAssertion(() => Assert.Equal("A DUNS number has exactly 9 digits.", ErrorUnder(page, "duns")));
        Assert.Equal("Enter the website as a full address starting with https:// or http://.", ErrorUnder(page, "website"));
        Assert.Null(ErrorUnder(page, "legal-name"));
    }

    [Fact]
    public async Task LegalName_WhenTheSameSupplierIsRegisteredInAnotherSpelling_WarnsBeforeSavingWithALinkAndTheSaveIsRefused()
    {
        var tag = Tag();
        var existing = await CreateAsync($"Saigon Precision Mouldings {tag} Pte. Ltd.", "VN");
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var (page, popovers) = Render(context);

        await PickCountryAsync(page, popovers, "hq-country", "Vietnam");
        await page.Find("input[data-testid=legal-name]").ChangeAsync(new ChangeEventArgs { Value = $"saigon precision mouldings {tag} pte ltd" });

        page.WaitForAssertion(() => Assert.Contains("is already in the register", page.Find("[data-testid=similar-suppliers]").TextContent, StringComparison.Ordinal));
        var link = page.Find("[data-testid=similar-supplier]");
        Assert.Equal($"/suppliers/{existing}", link.GetAttribute("href"));
        Assert.Equal($"Saigon Precision Mouldings {tag} Pte. Ltd.", link.TextContent.Trim());
    }

    [Fact]
    public async Task Save_WhenANameIsSimilarToASupplierInTheRegister_ShowsTheWarningFirstAndSavesOnTheSecondPress()
    {
        var tag = Tag();
        var existing = await CreateAsync($"Mekong Precision Plastics {tag} Co., Ltd.", "VN");
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var (page, popovers) = Render(context);
        var name = $"Mekong Precision Plastic {tag} JSC";

        await page.Find("input[data-testid=legal-name]").ChangeAsync(new ChangeEventArgs { Value = name });
        await PickCountryAsync(page, popovers, "hq-country", "Vietnam");
        await ChooseAsync(page, popovers, "category", "Component maker");
        await RemoveAllAsync(page, "Remove this site");
        await RemoveAllAsync(page, "Remove this kind of IP");

        page.WaitForAssertion(() => Assert.Contains("a similar name", page.Find("[data-testid=similar-suppliers]").TextContent, StringComparison.Ordinal));
        Assert.Equal($"/suppliers/{existing}", page.Find("[data-testid=similar-supplier]").GetAttribute("href"));

        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=confirm-similar]")));
        Assert.False(await ExistsAsync(name));

        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Matches("/suppliers/[0-9a-f-]{36}$", context.Bunit.Services.GetRequiredService<NavigationManager>().Uri), TimeSpan.FromSeconds(10));
        Assert.True(await ExistsAsync(name));
    }

    [Fact]
    public async Task Form_WhenTheParentRendersItAgain_KeepsWhatTheUserTyped()
    {
        await using var context = ComponentContext.Create(app, "ana@test", AppRoles.Analyst);
        var (page, _) = Render(context);
        await page.Find("input[data-testid=legal-name]").ChangeAsync(new ChangeEventArgs { Value = "Half-typed Supplier Ltd." });

        // What the router does when the sign-in state is refreshed: the same parameters, set again.
        page.Render();

        Assert.Equal("Half-typed Supplier Ltd.", page.Find("input[data-testid=legal-name]").GetAttribute("value"));
    }

    private static (IRenderedComponent<SupplierEditPage> Page, IRenderedComponent<MudPopoverProvider> Popovers) Render(ComponentContext context)
    {
        var popovers = context.Bunit.Render<MudPopoverProvider>();
        var page = context.Bunit.Render<SupplierEditPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=legal-name]")));
        return (page, popovers);
    }

    /// <summary>The message MudBlazor shows under the input with this test id, or null when there is none.</summary>
    private static string? ErrorUnder(IRenderedComponent<SupplierEditPage> page, string testId)
    {
        var control = page.Find($"input[data-testid={testId}]").Closest(".mud-input-control");
        var message = control?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
        return string.IsNullOrEmpty(message) ? null : message;
    }

    private static async Task PickCountryAsync(IRenderedComponent<SupplierEditPage> page, IRenderedComponent<MudPopoverProvider> popovers, string testId, string name)
    {
        var input = page.Find($"input[data-testid={testId}]");
        await input.FocusAsync(new FocusEventArgs());
        await page.Find($"input[data-testid={testId}]").InputAsync(new ChangeEventArgs { Value = name });
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim().StartsWith(name, StringComparison.Ordinal)), TimeSpan.FromSeconds(5));
        await popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim().StartsWith(name, StringComparison.Ordinal)).ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.StartsWith(name, page.Find($"input[data-testid={testId}]").GetAttribute("value"), StringComparison.Ordinal));
    }

    private static async Task ChooseAsync(IRenderedComponent<SupplierEditPage> page, IRenderedComponent<MudPopoverProvider> popovers, string testId, string option)
    {
        await page.Find($"input[data-testid={testId}]").Closest(".mud-select")!.QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input")!.MouseDownAsync(new MouseEventArgs());
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == option), TimeSpan.FromSeconds(5));
        await popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == option).ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(option, page.Find($"input[data-testid={testId}]").GetAttribute("value")));
    }

    private static async Task RemoveAllAsync(IRenderedComponent<SupplierEditPage> page, string label)
    {
        while (page.FindAll($"button[aria-label='{label}']").Count > 0)
        {
            await page.Find($"button[aria-label='{label}']").ClickAsync(new MouseEventArgs());
        }
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private Task<Guid> CreateAsync(string name, string country) =>
        app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = name,
            HqCountry = country,
            Category = SupplierCategory.ComponentMaker,
        }));

    private async Task<bool> ExistsAsync(string name)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.AnyAsync(s => s.LegalName == name);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.CountAsync();
    }
}
