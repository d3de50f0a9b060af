using System.Security.Claims;
using Bunit;
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
        bell.WaitForAssertion(() => Assert.Equal("Notifications: 1 unread", Label(bell)));

        await NotificationScenario.NotifyAsync(app, ana, "While the page is open");
        Assert.Equal("Notifications: 1 unread", Label(bell)); // not before the timer or a navigation
        clock.Advance(NotificationBell.RefreshInterval);
        bell.WaitForAssertion(() => Assert.Equal("Notifications: 2 unread", Label(bell)));

        await NotificationScenario.NotifyAsync(app, ana, "Before the next page");
        bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/suppliers");
        bell.WaitForAssertion(() => Assert.Equal("Notifications: 3 unread", Label(bell)));
        Assert.Equal("3", bell.Find(".mud-badge").TextContent.Trim());
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
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=notification]").Count));
        Assert.DoesNotContain("For Ben only", page.Markup, StringComparison.Ordinal);

        var row = page.FindAll("[data-testid=notification]").Single(n => n.TextContent.Contains("Supplier A", StringComparison.Ordinal)).Closest("tr")!;
        await row.QuerySelector("[data-testid=mark-read]")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=mark-read]")));
        await using var db = await app.CreateDbContextAsync();
        Assert.NotNull((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == first)).ReadAtUtc);
    }

    [Fact]
    public async Task Page_OpeningANotificationMarksItReadAndGoesToItsRecord()
    {
        var ana = await _team.PersonAsync("Ana Open");
        var id = await NotificationScenario.NotifyAsync(app, ana, "Supplier C was returned to draft", link: "/suppliers");
        await using var context = ComponentContext.Create(app, ana.Id, AppRoles.Analyst);

        var page = context.Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=notification-open]")));
        await page.Find("[data-testid=notification-open]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.EndsWith("/suppliers", context.Bunit.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
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
        page.WaitForAssertion(() => page.Find("[data-testid=notify-duedates]"));
        Assert.True(page.Find("[data-testid=notify-security]").HasAttribute("disabled"));
        await page.Find("[data-testid=notify-duedates]").ChangeAsync(new() { Value = false });

        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=notify-duedates]").HasAttribute("checked")));
        var muted = await _team.AsAsync(ana, s => s.GetRequiredService<NotificationInbox>().MutedCategoriesAsync());
        Assert.Equal([NotificationCategory.DueDates], muted);
    }

    private static string Label(IRenderedComponent<NotificationBell> bell) => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label")!;

    private static ClaimsPrincipal PrincipalOf(Person person) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, person.Email), new Claim(ClaimTypes.NameIdentifier, person.Id), new Claim(ClaimTypes.Role, person.Role)], "test"));

}
