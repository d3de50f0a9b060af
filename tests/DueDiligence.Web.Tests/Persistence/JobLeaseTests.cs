using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Scheduling;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Persistence;

/// <summary>Scheduled work runs once across instances: two instances on one database compete for a lease.</summary>
public sealed class JobLeaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TryTake_WhenAnotherInstanceHoldsTheLease_IsRefusedUntilItExpires()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (a, b) = (Leases(scope, "instance-a"), Leases(scope, "instance-b"));
        var job = $"sweep-{Guid.NewGuid():N}";

        Assert.True(await a.TryTakeAsync(job, TimeSpan.FromMinutes(5)));
        Assert.False(await b.TryTakeAsync(job, TimeSpan.FromMinutes(5)));
        Assert.True(await a.TryTakeAsync(job, TimeSpan.FromMinutes(5)), "The holder renews its own lease.");

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await b.TryTakeAsync(job, TimeSpan.FromMinutes(5)));
        Assert.False(await a.TryTakeAsync(job, TimeSpan.FromMinutes(5)));
    }

    /// <summary>
    /// Two rounds that find no lease yet both insert it: of two instances only the first holds it; of one instance (a
    /// job's first round at start and a run asked for at the same moment) both do, where the second used to be refused.
    /// </summary>
    [Fact]
    public async Task TryTake_WhenTwoRoundsInsertANewLeaseAtOnce_GivesItToOneInstanceOnly_AndToBothRoundsOfTheSameInstance()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (a, b) = (Leases(scope, "instance-a"), Leases(scope, "instance-b"));
        for (var round = 0; round < 30; round++)
        {
            var job = $"race-{Guid.NewGuid():N}";
            var sameInstance = await Task.WhenAll(Task.Run(() => a.TryTakeAsync(job, TimeSpan.FromMinutes(5))), Task.Run(() => a.TryTakeAsync(job, TimeSpan.FromMinutes(5))));
            Assert.Equal([true, true], sameInstance);

            var other = $"race-{Guid.NewGuid():N}";
            var twoInstances = await Task.WhenAll(Task.Run(() => a.TryTakeAsync(other, TimeSpan.FromMinutes(5))), Task.Run(() => b.TryTakeAsync(other, TimeSpan.FromMinutes(5))));
            Assert.Single(twoInstances, taken => taken);
        }
    }

    [Fact]
    public async Task Release_LetsAnotherInstanceTakeTheLeaseAtOnce_AndKeepsWhenItWasGivenUpUntilTaken()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (a, b) = (Leases(scope, "instance-a"), Leases(scope, "instance-b"));
        var job = $"reminders-{Guid.NewGuid():N}";
        Assert.True(await a.TryTakeAsync(job, TimeSpan.FromHours(1)));
        Assert.Null(await ReleasedAtAsync(job));
        _clock.Advance(TimeSpan.FromMinutes(7));

        await a.ReleaseAsync(job);

        Assert.Equal(_clock.GetUtcNow().UtcDateTime, await ReleasedAtAsync(job));
        Assert.True(await b.TryTakeAsync(job, TimeSpan.FromHours(1)));
        Assert.Null(await ReleasedAtAsync(job));
    }

    [Fact]
    public async Task Release_LetsAnInstanceWhoseClockIsBehindTakeTheLeaseAtOnce()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var behind = new FakeTimeProvider(_clock.GetUtcNow().AddMinutes(-30));
        var (a, b) = (Leases(scope, "instance-a"), Leases(scope, "instance-b", behind));
        var job = $"setup-{Guid.NewGuid():N}";
        Assert.True(await a.TryTakeAsync(job, TimeSpan.FromMinutes(10)));

        await a.ReleaseAsync(job);

        Assert.True(await b.TryTakeAsync(job, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task SweepLease_OnAGracefulStop_IsGivenUp_SoThatTheNextStartNeedNotWaitForIt()
    {
        await using var installation = new AppFactory();
        var before = installation.WithWebHostBuilder(b => b.UseSetting("Instance:Name", "before-restart"));
        Assert.True(await before.Services.GetRequiredService<InterruptedUploadSweepJob>().RunOnceAsync(CancellationToken.None));

        await before.DisposeAsync();

        await using var db = await installation.CreateDbContextAsync();
        var lease = await db.JobLeases.SingleAsync(l => l.Name == InterruptedUploadSweepJob.LeaseName);
        Assert.False(lease.Holder == "before-restart" && lease.ExpiresAtUtc > DateTime.UtcNow, $"The stopped instance still holds the sweep's lease until {lease.ExpiresAtUtc:u}.");
    }

    [Fact]
    public async Task TryTake_ByTenInstancesAtOnce_IsGrantedToExactlyOne()
    {
        var job = $"once-{Guid.NewGuid():N}";
        var attempts = Enumerable.Range(1, 10).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await Leases(scope, $"instance-{i}").TryTakeAsync(job, TimeSpan.FromMinutes(5));
        });

        var granted = await Task.WhenAll(attempts);

        Assert.Single(granted, taken => taken);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.JobLeases.CountAsync(l => l.Name == job));
    }

    private async Task<DateTime?> ReleasedAtAsync(string job)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.JobLeases.AsNoTracking().Where(l => l.Name == job).Select(l => l.ReleasedAtUtc).SingleAsync();
    }

    private JobLeases Leases(AsyncServiceScope scope, string instance, TimeProvider? clock = null)
    {
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        return new JobLeases(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), clock ?? _clock, new InstanceIdentity(instance));
    }
}
