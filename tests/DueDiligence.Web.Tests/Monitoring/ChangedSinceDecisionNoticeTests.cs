using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>
/// Who is told when a change puts decided suppliers on the "Changed since decision" queue: the owner and every executive,
/// of each supplier when few are queued, once in a digest when more are (a re-rated country can queue thousands).
/// Every test uses countries of its own.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class ChangedSinceDecisionNoticeTests(MonitoringApp app)
{
    private const string DemoAnalyst = "analyst@demo.local";

    [Fact]
    public async Task RateJurisdiction_WhenItQueuesOneSupplier_TellsItsOwnerAndEachExecutiveOfThatSupplier()
    {
        const string country = "AD";
        await app.RateAsync(country, LegalRating.Low);
        var supplier = await app.NewSupplierAsync(country);
        await app.DecidedAsync(supplier, maturity: 2);
        var owner = await OwnedByAsync(DemoAnalyst, [supplier]);

        await app.RateAsync(country, LegalRating.Severe);

        var notices = await app.NoticesAsync($"/suppliers/{supplier}");
        Assert.Equal([.. (await ExecutivesAsync()).Append(owner).Order(StringComparer.Ordinal)], notices.Select(n => n.RecipientId).Order(StringComparer.Ordinal));
        Assert.All(notices, n => Assert.EndsWith("changed since its decision", n.Title, StringComparison.Ordinal));
        Assert.All(notices, n => Assert.StartsWith($"Andorra re-rated Low → Severe (by {Legal}).", n.Body, StringComparison.Ordinal));
        Assert.All(notices, n => Assert.EndsWith("On the queue because its tier today is worse than at the decision.", n.Body, StringComparison.Ordinal));
        Assert.Empty(await DigestsAsync("Andorra"));
    }

    [Fact]
    public async Task RateJurisdiction_WhenItQueuesMoreSuppliersThanAreToldOfOneByOne_TellsEachExecutiveAndOwnerOnce()
    {
        const string country = "MC";
        await app.RateAsync(country, LegalRating.Low);
        var suppliers = new List<Guid>();
        for (var i = 0; i <= SupplierPositionUpdater.NoticesPerSupplierUpTo; i++)
        {
            var supplier = await app.NewSupplierAsync(country);
            await app.DecidedAsync(supplier, maturity: 2); // R 34.5, Medium; at Severe High
            suppliers.Add(supplier);
        }

        var owner = await OwnedByAsync(DemoAnalyst, suppliers);

        await app.RateAsync(country, LegalRating.Severe);

        Assert.Equal(suppliers.Count, (await app.QueueAsync(suppliers)).Count);
        foreach (var supplier in suppliers)
        {
            Assert.Empty(await app.NoticesAsync($"/suppliers/{supplier}"));
        }

        var digests = await DigestsAsync("Monaco");
        var executives = await ExecutivesAsync();
        Assert.Equal([.. executives.Append(owner).Order(StringComparer.Ordinal)], digests.Select(n => n.RecipientId).Order(StringComparer.Ordinal));
        Assert.All(digests.Where(d => executives.Contains(d.RecipientId)), d => Assert.Equal("6 suppliers changed since their decision", d.Title));
        Assert.Equal("6 suppliers you own changed since their decisions", Assert.Single(digests, d => d.RecipientId == owner).Title);
        Assert.All(digests, d => Assert.StartsWith($"Monaco re-rated Low → Severe (by {Legal}). Each is on the “Changed since decision” queue", d.Body, StringComparison.Ordinal));
        Assert.All(digests, d => Assert.Equal(NotificationCategory.Monitoring, d.Category));
    }

    /// <summary>Hands the suppliers to a user of the demo data (the test's analyst has no account to be told through).</summary>
    private async Task<string> OwnedByAsync(string email, IReadOnlyCollection<Guid> suppliers)
    {
        await using var db = await CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        await db.Suppliers.Where(s => suppliers.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerId, userId));
        return userId;
    }

    /// <summary>The executives a role-wide notice reaches in the app: active, and not muted for monitoring.</summary>
    private async Task<List<string>> ExecutivesAsync()
    {
        await using var db = await CreateDbContextAsync();
        var role = await db.Roles.Where(r => r.Name == AppRoles.Executive).Select(r => r.Id).SingleAsync();
        var users = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(m => m.UserId == u.Id && m.RoleId == role))
            .Where(u => !db.NotificationMutes.Any(m => m.UserId == u.Id && m.Category == NotificationCategory.Monitoring && m.Channel == NotificationChannel.InApp))
            .ToListAsync();
        return users.Where(u => !u.IsLockedByAdministrator).Select(u => u.Id).ToList();
    }

    private async Task<List<Notification>> DigestsAsync(string country)
    {
        var queue = await app.NoticesAsync("/changed-since-decision");
        return queue.Where(n => n.Body.StartsWith(country + " ", StringComparison.Ordinal)).ToList();
    }

    private Task<AppDbContext> CreateDbContextAsync() =>
        app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
