using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Auditing;

/// <summary>
/// "Check what is new": a walk that starts where the last full verification found the chain intact, and what it finds
/// and does not find. Each test gets its own app and database: most tamper with the trail.
/// </summary>
public sealed class AuditQuickCheckTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    private string VerificationFile => Path.Combine(app.DataDirectory, AuditCheckpoints.DefaultFolderName, "last-full-verification.json");

    public Task InitializeAsync()
    {
        _ = app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task QuickCheck_AfterAFullVerification_WalksOnlyTheEventsWrittenSince()
    {
        await CreateUserAsync("before@test.local");
        var full = await AsAdmin(log => log.VerifyAsync());
        await CreateUserAsync("after-1@test.local");
        await CreateUserAsync("after-2@test.local");

        var quick = await AsAdmin(log => log.VerifySinceLastFullAsync());

        Assert.True(full.IsIntact);
        Assert.True(quick.IsIntact, quick.Reason);
        Assert.Equal(full.End!.EventId, quick.Since!.EventId);
        await using var db = await app.CreateDbContextAsync();
        var total = await db.AuditEvents.CountAsync();
        var since = await db.AuditEvents.CountAsync(e => e.Id > full.End.EventId);
        Assert.True(since > 0);
        Assert.Equal(total, quick.VerifiedCount);
        Assert.Equal(since, quick.VerifiedByVersion.Values.Sum());
        Assert.Contains(quick.MatchedAnchors, a => a.StartsWith("the checkpoint of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuickCheck_WithoutAFullVerification_RunsAFullOne()
    {
        await CreateUserAsync("first@test.local");

        var quick = await AsAdmin(log => log.VerifySinceLastFullAsync());

        Assert.True(quick.IsIntact);
        Assert.Null(quick.Since);
        Assert.True(File.Exists(VerificationFile));
    }

    [Fact]
    public async Task QuickCheck_AfterAnEventWrittenSinceWasAltered_NamesIt()
    {
        await CreateUserAsync("before@test.local");
        await AsAdmin(log => log.VerifyAsync());
        await CreateUserAsync("after@test.local");
        long altered;
        await using (var db = await app.CreateDbContextAsync())
        {
            altered = await db.AuditEvents.MaxAsync(e => e.Id);
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Actor" = 'someone-else' WHERE "Id" = {altered}""");
        }

        var quick = await AsAdmin(log => log.VerifySinceLastFullAsync());

        Assert.False(quick.IsIntact);
        Assert.Equal(altered, quick.FirstBrokenEventId);
    }

    [Fact]
    public async Task QuickCheck_AfterAnEarlierEventWasDeleted_SaysTheCountChanged()
    {
        await CreateUserAsync("before@test.local");
        var full = await AsAdmin(log => log.VerifyAsync());
        await using (var db = await app.CreateDbContextAsync())
        {
            var first = await db.AuditEvents.MinAsync(e => e.Id);
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Id" = {first}""");
        }

        var quick = await AsAdmin(log => log.VerifySinceLastFullAsync());

        Assert.False(quick.IsIntact);
        Assert.Equal(full.End!.EventId, quick.FirstBrokenEventId);
        Assert.Contains("events before it were removed or added", quick.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickCheck_WhenTheLastEventOfTheFullVerificationNoLongerCarriesItsMac_SaysSo()
    {
        await CreateUserAsync("before@test.local");
        var full = await AsAdmin(log => log.VerifyAsync());
        await using (var db = await app.CreateDbContextAsync())
        {
            await AuditTampering.DropAppendOnlyGuardAsync(db, app.Provider);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Hash" = 'forged' WHERE "Id" = {full.End!.EventId}""");
        }

        var quick = await AsAdmin(log => log.VerifySinceLastFullAsync());

        Assert.False(quick.IsIntact);
        Assert.Equal(full.End!.EventId, quick.FirstBrokenEventId);
        Assert.Contains("no longer carries the MAC", quick.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickCheck_WhenTheRecordOfTheFullVerificationIsForged_RefusesIt()
    {
        await CreateUserAsync("before@test.local");
        await AsAdmin(log => log.VerifyAsync());
        var json = await File.ReadAllTextAsync(VerificationFile);
        var statement = AuditStatement.Parse(json)!;
        await File.WriteAllTextAsync(VerificationFile, (statement with { EventCount = statement.EventCount + 5 }).ToJson());

        var quick = await AsAdmin(log => log.VerifySinceLastFullAsync());

        Assert.False(quick.IsIntact);
        Assert.Contains("not signed with this installation's audit chain key", quick.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickCheck_ForAnAnalyst_IsRefused()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync("analyst@test", [AppRoles.Analyst], services => services.GetRequiredService<AuditLog>().VerifySinceLastFullAsync()));
    }

    private Task<AuditChainVerification> AsAdmin(Func<AuditLog, Task<AuditChainVerification>> verify) =>
        app.AsUserAsync("admin@test", [AppRoles.Admin], services => verify(services.GetRequiredService<AuditLog>()));

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
