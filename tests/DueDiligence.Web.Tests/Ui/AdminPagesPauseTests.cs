using Bunit;
using DueDiligence.Web.Features.Account.ApiTokens;
using DueDiligence.Web.Features.Admin.Status;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Features.Admin.Webhooks;
using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>
/// The administration pages and the user's own settings pages give their circuit back in a hidden tab once shown
/// (docs/adr/0011), but not while they hold something only the page has: roles being changed, a rule changed and not
/// saved, a delegation or a token being made, a new template's panel, a secret shown only once.
/// </summary>
public sealed class AdminPagesPauseTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<Type, string> Pages() => new()
    {
        { typeof(SystemPage), AppRoles.Admin },
        { typeof(UsersPage), AppRoles.Admin },
        { typeof(WebhooksPage), AppRoles.Admin },
        { typeof(ApprovalRulesPage), AppRoles.Admin },
        { typeof(TemplatesPage), AppRoles.Admin },
        { typeof(DelegationsPage), AppRoles.Executive },
        { typeof(ApiTokensPage), AppRoles.Analyst },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_OnceShown_AllowsThePause_WithNothingUnsaved(Type page, string role)
    {
        await using var context = ComponentContext.Create(app, $"{role.ToLowerInvariant()}@test", role);

        var rendered = context.Render<DynamicComponent>(parameters => parameters.Add(p => p.Type, page));

        rendered.WaitForAssertion(() => Assert.Single(rendered.FindAll("[data-circuit-pausable]")), TimeSpan.FromSeconds(10));
        Assert.Empty(rendered.FindAll("[data-unsaved]"));
    }

    [Fact]
    public async Task Users_RolesBeingChanged_KeepTheCircuit()
    {
        await using var context = ComponentContext.Create(app, "admin@test", AppRoles.Admin);
        var page = context.Render<UsersPage>();
        page.WaitForElement("[data-testid=change-roles]", TimeSpan.FromSeconds(10));

        await page.Find("[data-testid=change-roles]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".role-editor[data-unsaved]")));
    }

    [Fact]
    public async Task ApprovalRules_ARuleChangedAndNotSaved_KeepsTheCircuit()
    {
        await using var context = ComponentContext.Create(app, "admin@test", AppRoles.Admin);
        var page = context.Render<ApprovalRulesPage>();
        page.WaitForElement("[data-testid=approval-rules]", TimeSpan.FromSeconds(10));

        var box = page.FindAll("input[data-testid=rule-justification], [data-testid=rule-justification] input")[0];
        await box.ChangeAsync(new() { Value = !box.HasAttribute("checked") });

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=approval-rules][data-unsaved]")));
    }

    [Fact]
    public async Task ApiTokens_ANameTyped_KeepsTheCircuit()
    {
        await using var context = ComponentContext.Create(app, "analyst@test", AppRoles.Analyst);
        var page = context.Render<ApiTokensPage>();
        page.WaitForElement("[data-testid=token-form]", TimeSpan.FromSeconds(10));

        await page.Find("[data-testid=token-name] input, input[data-testid=token-name]").InputAsync(new() { Value = "ERP sync" });

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=token-form][data-unsaved]")));
    }

    [Fact]
    public async Task ApiTokens_ATokenShownOnlyOnce_KeepsTheCircuit_AndTheEmptiedFormDoesNot()
    {
        // A token belongs to an account: the demo analyst's.
        string analystId;
        using (var scope = app.Services.CreateScope())
        {
            analystId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(DemoAccounts.ForRole(AppRoles.Analyst).Email))!.Id;
        }

        await using var context = ComponentContext.Create(app, analystId, AppRoles.Analyst);
        var page = context.Render<ApiTokensPage>();
        page.WaitForElement("[data-testid=token-form]", TimeSpan.FromSeconds(10));
        await page.Find("[data-testid=token-name] input, input[data-testid=token-name]").InputAsync(new() { Value = "ERP sync" });
        await page.FindAll("[data-testid=token-scopes] input[type=checkbox]")[0].ChangeAsync(new() { Value = true });

        await page.Find("[data-testid=token-form] form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=new-token][data-unsaved]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=token-form][data-unsaved]"));
    }

    [Fact]
    public async Task Templates_WithTheNewTemplatePanelOpen_KeepTheCircuit()
    {
        await using var context = ComponentContext.Create(app, "admin@test", AppRoles.Admin);
        var page = context.Render<TemplatesPage>();
        page.WaitForElement("[data-testid=template]", TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("[data-circuit-pausable]"));

        await page.Find("[data-testid=new-template]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-circuit-pausable]")));
    }
}
