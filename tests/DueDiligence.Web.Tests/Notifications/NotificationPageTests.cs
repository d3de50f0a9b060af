using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using DueDiligence.Web.Components.Layout;
using DueDiligence.Web.Features.Notifications;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Security;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace DueDiligence.Web.Tests.Notifications;

/// <summary>The bell in the app bar and the notifications page, rendered on the app's real services and database.</summary>
public sealed class NotificationPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The page loads over the database (PostgreSQL on CI): give it time.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly RecordTeamScenario _team = new(app);

    [Fact]
    public async Task Bell_CountsUnreadAndRefreshesOnItsTimerAndOnNavigation()
    {
        var ana = await _team.PersonAsync("Ana Bell");
        await NotificationScenario.NotifyAsync(app, ana, "Before the page opened");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(PrincipalOf(ana));
        await using var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        bunit.Services.AddSingleton<TimeProvider>(clock);
        bunit.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<NotificationInbox>());
        bunit.SetRendererInfo(new RendererInfo("Server", true));

        var bell = bunit.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Notifications: 1 unread", Label(bell)), Wait);

        await NotificationScenario.NotifyAsync(app, ana, "While the page is open");
        Assert.Equal("Notifications: 1 unread", Label(bell)); // not before the timer or a navigation
        clock.Advance(NotificationBell.RefreshInterval);
        bell.WaitForAssertion(() => Assert.Equal("Notifications: 2 unread", Label(bell)), Wait);

        await NotificationScenario.NotifyAsync(app, ana, "Before the next page");
        bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/suppliers");
        bell.WaitForAssertion(() => Assert.Equal("Notifications: 3 unread", Label(bell)), Wait);
        Assert.Equal("3", bell.Find(".mud-badge").TextContent.Trim());
    }

    [Fact]
    public async Task Bell_OnAPageWithoutCircuit_ShowsTheCountOfTheRequest()
    {
        var ana = await _team.PersonAsync("Ana Static");
        await NotificationScenario.NotifyAsync(app, ana, "Before the password page");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(PrincipalOf(ana));
        await using var bunit = new BunitContext();
        bunit.Services.AddMudServices();
        bunit.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow));
        bunit.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<NotificationInbox>());
        bunit.SetRendererInfo(new RendererInfo("Static", false));

        var bell = bunit.Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("Notifications: 1 unread", Label(bell)), Wait);
    }

    [Fact]
    public async Task Page_ListsTheUsersNotificationsAndMarkReadUpdatesTheDatabaseAndTheList()
    {
        var (ana, ben) = (await _team.PersonAsync("Ana Page"), await _team.PersonAsync("Ben Page"));
        var first = await NotificationScenario.NotifyAsync(app, ana, "Supplier A is in legal review");
        await NotificationScenario.NotifyAsync(app, ana, "Supplier B awaits your decision");
        await NotificationScenario.NotifyAsync(app, ben, "For Ben only");
        await using var context = ComponentContext.Create(app, ana.Id, AppRoles.Analyst);

        var page = context.Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=notification]").Count), Wait);
        Assert.DoesNotContain("For Ben only", page.Markup, StringComparison.Ordinal);

        await ClickAsync(() => page.FindAll("[data-testid=notification]")
            .Single(n => n.TextContent.Contains("Supplier A", StringComparison.Ordinal)).Closest("tr")!.QuerySelector("[data-testid=mark-read]")!);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=mark-read]")), Wait);
        await using var db = await app.CreateDbContextAsync();
        Assert.NotNull((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == first)).ReadAtUtc);
    }

    [Fact]
    public async Task Page_OpensAtThePageInTheAddress_AndOnceItsRowsAreShownMayPauseInAHiddenTab()
    {
        var ana = await _team.PersonAsync("Ana Paged");
        for (var i = 1; i <= 23; i++)
        {
            await NotificationScenario.NotifyAsync(app, ana, $"Paged notification {i:D2}");
        }

        await using var context = ComponentContext.Create(app, ana.Id, AppRoles.Analyst);
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/notifications?page=2");
        var page = context.Render<NotificationsPage>();

        // Newest first, 20 a page: the second page holds the three oldest.
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=notification]").Count), Wait);
        Assert.Contains("Paged notification 01", page.Markup, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-circuit-pausable]")), Wait);
        Assert.EndsWith("/notifications?page=2", context.Bunit.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OpeningANotificationMarksItReadAndGoesToItsRecord()
    {
        var ana = await _team.PersonAsync("Ana Open");
        var id = await NotificationScenario.NotifyAsync(app, ana, "Supplier C was returned to draft", link: "/suppliers");
        await using var context = ComponentContext.Create(app, ana.Id, AppRoles.Analyst);

        var page = context.Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=notification-open]")), Wait);
        await ClickAsync(() => page.Find("[data-testid=notification-open]"));

        page.WaitForAssertion(() => Assert.EndsWith("/suppliers", context.Bunit.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal), Wait);
        Assert.Equal(0, await _team.AsAsync(ana, s => s.GetRequiredService<NotificationInbox>().CountUnreadAsync()));
        await using var db = await app.CreateDbContextAsync();
        Assert.NotNull((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id)).ReadAtUtc);
    }

    [Fact]
    public async Task Preferences_MuteACategoryAndSecurityStaysOn()
    {
        var ana = await _team.PersonAsync("Ana Prefs");
        await using var context = ComponentContext.Create(app, ana.Id, AppRoles.Analyst);

        var page = context.Render<NotificationsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=notify-duedates]"), Wait);
        Assert.True(page.Find("[data-testid=notify-security]").HasAttribute("disabled"));
        await page.Find("[data-testid=notify-duedates]").ChangeAsync(new() { Value = false });

        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=notify-duedates]").HasAttribute("checked")), Wait);
        var muted = await _team.AsAsync(ana, s => s.GetRequiredService<NotificationInbox>().MutedCategoriesAsync());
        Assert.Equal([NotificationCategory.DueDates], muted);
    }

    /// <summary>Clicks the element once the grid has stopped re-rendering after its data arrived (a stale element has no handler).</summary>
    private static async Task ClickAsync(Func<AngleSharp.Dom.IElement> element)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await element().ClickAsync(new());
                return;
            }
            catch (UnknownEventHandlerIdException) when (attempt < 5)
            {
                // Found just before a re-render: find it again in the new render.
            }
        }
    }

    private static string Label(IRenderedComponent<NotificationBell> bell) => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label")!;

    private static ClaimsPrincipal PrincipalOf(Person person) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, person.Email), new Claim(ClaimTypes.NameIdentifier, person.Id), new Claim(ClaimTypes.Role, person.Role)], "test"));

}
