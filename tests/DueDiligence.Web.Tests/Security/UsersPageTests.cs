using Bunit;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Security;

/// <summary>The users page: locking an account and taking a role away need a confirmation; creating one shows its rules next to the fields.</summary>
public sealed class UsersPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task Lock_WhenTheAdministratorCancels_KeepsTheUserUnlocked()
    {
        var email = await CreateUserAsync([AppRoles.Analyst]);
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var (dialogs, page) = RenderPage(context);

        // The click's handler waits for the dialog's answer: it completes once a dialog button is pressed.
        var locking = page.Find($"[data-testid=lock-user][data-email='{email}']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("is signed out at once", dialogs.Find("[data-testid=confirm-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Lock account", dialogs.Find("[data-testid=confirm-yes]").TextContent.Trim());
        await dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await locking;

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-dialog]")));
        Assert.Null(await LockoutEndAsync(email));
        Assert.Equal("Active", page.Find($"[data-testid=user-status][data-email='{email}']").TextContent.Trim());
    }

    [Fact]
    public async Task Lock_WhenConfirmed_LocksTheUserAndSaysAnAdministratorDidIt()
    {
        var email = await CreateUserAsync([AppRoles.Analyst]);
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var (dialogs, page) = RenderPage(context);

        var locking = page.Find($"[data-testid=lock-user][data-email='{email}']").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=confirm-yes]");
        await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new());
        await locking;

        page.WaitForAssertion(() => Assert.Equal("Locked by an administrator", page.Find($"[data-testid=user-status][data-email='{email}']").TextContent.Trim()));
        Assert.Equal(AppUser.AdministratorLockEnd, await LockoutEndAsync(email));
        Assert.NotEmpty(page.FindAll($"[data-testid=unlock-user][data-email='{email}']"));
    }

    [Fact]
    public async Task SaveRoles_WhenARoleIsRemovedAndTheAdministratorCancels_KeepsTheRoles()
    {
        var email = await CreateUserAsync([AppRoles.Analyst, AppRoles.LegalReviewer]);
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var (dialogs, page) = RenderPage(context);

        await page.Find($"[data-testid=change-roles][data-email='{email}']").ClickAsync(new());
        page.Find($"[data-testid=user-roles][data-email='{email}'] input[data-role={AppRoles.LegalReviewer}]").Change(false);
        var saving = page.Find("[data-testid=save-roles]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Equal("Remove the role Legal reviewer?", dialogs.Find(".confirm-title").TextContent.Trim()));
        await dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await saving;

        Assert.Equal([AppRoles.Analyst, AppRoles.LegalReviewer], await RolesAsync(email));
    }

    [Fact]
    public async Task SaveRoles_WhenARoleIsAdded_SavesWithoutAsking()
    {
        var email = await CreateUserAsync([AppRoles.Analyst]);
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var (dialogs, page) = RenderPage(context);

        await page.Find($"[data-testid=change-roles][data-email='{email}']").ClickAsync(new());
        page.Find($"[data-testid=user-roles][data-email='{email}'] input[data-role={AppRoles.Executive}]").Change(true);
        await page.Find("[data-testid=save-roles]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "Procurement analyst, Executive",
            page.Find($"[data-testid=user-roles][data-email='{email}'] .role-names").TextContent.Trim()));
        Assert.Empty(dialogs.FindAll("[data-testid=confirm-dialog]"));
        Assert.Equal([AppRoles.Analyst, AppRoles.Executive], await RolesAsync(email));
    }

    [Fact]
    public async Task CreateAccount_WithEmptyFields_ShowsEachRuleNextToItsField()
    {
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var (_, page) = RenderPage(context);

        await page.Find("form").SubmitAsync();

        var messages = page.FindAll(".mud-input-helper-text.mud-input-error, .validation-message").Select(m => m.TextContent.Trim()).Where(m => m.Length > 0).ToList();
        Assert.Contains("Enter the e-mail address the person signs in with.", messages);
        Assert.Contains("Enter the person's name as colleagues know it.", messages);
        Assert.Contains("A password has at least 12 characters.", messages);
        Assert.Contains("Choose at least one role.", messages);
    }

    [Fact]
    public async Task CreateAccount_WithValidInput_AddsTheRow()
    {
        var email = $"new-{Guid.NewGuid():N}@test.local";
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var (_, page) = RenderPage(context);

        page.Find("input[data-testid=new-email]").Change(email);
        page.Find("input[data-testid=new-name]").Change("Nora New");
        page.Find("input[data-testid=new-password]").Change(Password);
        page.Find($"input[data-testid=new-role][data-role={AppRoles.LegalReviewer}]").Change(true);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Legal reviewer", page.Find($"[data-testid=user-roles][data-email='{email}'] .role-names").TextContent.Trim()));
        Assert.Equal([AppRoles.LegalReviewer], await RolesAsync(email));
    }

    [Fact]
    public async Task IssueResetLink_ShowsTheLinkToCopyAndUntilWhenItWorks()
    {
        var email = await CreateUserAsync([AppRoles.Analyst]);
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var (dialogs, page) = RenderPage(context);

        await page.Find($"[data-testid=issue-reset-link][data-email='{email}']").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.StartsWith(
            "http://localhost/account/reset?user=", dialogs.Find("input[data-testid=reset-link]").GetAttribute("value"), StringComparison.Ordinal));
        Assert.Contains("It works once, until", dialogs.Find("[data-testid=reset-link-dialog]").TextContent, StringComparison.Ordinal);
        await dialogs.Find("[data-testid=copy-reset-link]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Copied.", dialogs.Find("[data-testid=reset-link-dialog]").TextContent, StringComparison.Ordinal));
        context.Bunit.JSInterop.VerifyInvoke("dueDiligence.copyText");
    }

    private static (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<UsersPage> Page) RenderPage(ComponentContext context)
    {
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Render<UsersPage>();
        page.WaitForElement("[data-testid=user-grid]", TimeSpan.FromSeconds(10));
        return (dialogs, page);
    }

    private async Task<string> CreateUserAsync(List<string> roles)
    {
        var email = $"user-{Guid.NewGuid():N}@test.local";
        var result = await app.AsUserAsync("admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput { Email = email, DisplayName = "Test User", Password = Password, Roles = roles }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }

    private Task<DateTimeOffset?> LockoutEndAsync(string email) =>
        app.AsUserAsync("test", [], async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await users.GetLockoutEndDateAsync((await users.FindByEmailAsync(email))!);
        });

    private Task<List<string>> RolesAsync(string email) =>
        app.AsUserAsync("test", [], async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return (await users.GetRolesAsync((await users.FindByEmailAsync(email))!)).Order(StringComparer.Ordinal).ToList();
        });
}
