using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Auditing;

/// <summary>
/// Each test gets its own app and database, because some of them tamper with the trail — after dropping the triggers
/// that forbid it, as the database's owner could (see <see cref="AuditChainIntegrityTests"/> for the triggers themselves).
/// </summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public Task InitializeAsync()
    {
        _ = app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task CreatingAUser_WritesAuditEventsByTheAdmin_WithoutSecrets()
    {
        await CreateUserAsync("audited@test.local");

        await using var db = await app.CreateDbContextAsync();
        var events = await db.AuditEvents.Where(e => e.Actor == "admin@test").ToListAsync();
        var userInsert = Assert.Single(events, e => e.EntityType == "AppUser" && e.Action == Domain.Auditing.AuditAction.Insert);
        Assert.Contains("audited@test.local", userInsert.Changes, StringComparison.Ordinal);
        Assert.Contains("\"PasswordHash\":{\"after\":\"(redacted)\"}", userInsert.Changes, StringComparison.Ordinal);
        Assert.Contains(events, e => e.EntityType == "IdentityUserRole");
    }

    [Fact]
    public async Task Verify_OnUntouchedTrail_IsIntact()
    {
        await CreateUserAsync("one@test.local");
        await CreateUserAsync("two@test.local");

        var verification = await VerifyAsync();

        Assert.True(verification.IsIntact);
        Assert.True(verification.VerifiedCount > 10);
    }

    [Fact]
    public async Task Verify_AfterARowIsAlteredInTheDatabase_NamesThatEvent()
    {
        await CreateUserAsync("victim@test.local");
        long alteredId;
        await using (var db = await app.CreateDbContextAsync())
        {
            var ids = await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            alteredId = ids[ids.Count / 2];
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Actor" = 'someone-else' WHERE "Id" = {alteredId}""");
        }

        var verification = await VerifyAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal(alteredId, verification.FirstBrokenEventId);
        Assert.Contains("altered", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterARowIsDeleted_NamesTheEventAfterTheGap()
    {
        await CreateUserAsync("gap@test.local");
        long deletedId, nextId;
        await using (var db = await app.CreateDbContextAsync())
        {
            var ids = await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            deletedId = ids[3];
            nextId = ids[4];
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" = {deletedId}""");
        }

        var verification = await VerifyAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal(nextId, verification.FirstBrokenEventId);
    }

    [Fact]
    public async Task Search_FiltersByRecordTypeAndActor()
    {
        await CreateUserAsync("filtered@test.local");

        var page = await app.AsUserAsync("admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter { EntityType = "AppUser", Actor = "admin@test" }, 0, 50));

        Assert.Equal(page.Events.Count, page.Total);
        Assert.All(page.Events, e => Assert.Equal(("AppUser", "admin@test"), (e.EntityType, e.Actor)));
        Assert.Single(page.Events, e => e.Action == Domain.Auditing.AuditAction.Insert && e.Changes.Contains("filtered@test.local", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_WhenNotAdmin_IsForbidden()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("legal@test", [AppRoles.LegalReviewer], services =>
            services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(), 0, 10)));
    }

    private Task<Domain.Auditing.AuditChainVerification> VerifyAsync() =>
        app.AsUserAsync("admin@test", [AppRoles.Admin], services => services.GetRequiredService<AuditLog>().VerifyAsync());

    private async Task CreateUserAsync(string email)
    {
        var result = await app.AsUserAsync("admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = email,
                DisplayName = "Audited",
                Password = "a-long-enough-password",
                Roles = [AppRoles.Analyst],
            }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }
}
