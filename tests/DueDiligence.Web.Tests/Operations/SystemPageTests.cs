using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Bunit;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Admin.Status;
using DueDiligence.Web.Features.Assessments.Reminders;
using DueDiligence.Web.Infrastructure.Backups;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Scheduling;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DueDiligence.Web.Tests.Operations;

/// <summary>The administrator's System page: the figures of the running installation; nobody else sees them.</summary>
public sealed partial class SystemPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTime LongAgo = new(2000, 1, 2, 3, 4, 0, DateTimeKind.Utc);

    [Fact]
    public async Task SystemPage_ForAnAdministrator_ShowsTheInstallationsFigures()
    {
        await WaitingMails.AddAsync(app, 2, LongAgo, retryAtUtc: WaitingMails.NextYear(app));
        await app.Services.GetServices<IHostedService>().OfType<DailyRemindersJob>().Single().RunOnceAsync(CancellationToken.None);
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);

        var cut = context.Bunit.Render<SystemPage>();
        cut.WaitForElement("[data-testid=system-version]", TimeSpan.FromSeconds(10));

        string Figure(string id) => Whitespace().Replace(cut.Find($"[data-testid=system-{id}]").TextContent, " ").Trim();
        var instance = app.Services.GetRequiredService<InstanceIdentity>().Name;
        var release = AppVersion.Release(AppVersion.Current);
        Assert.Equal(AppVersion.Build(AppVersion.Current) is { } build ? $"{release} build {build}" : release, Figure("version"));
        Assert.Equal(AppVersion.Current, cut.Find("[data-testid=system-version]").GetAttribute("title"));
        Assert.Equal(ScoringPolicy.Default.Id, Figure("policy"));
        Assert.Equal(app.Provider switch { DatabaseProvider.Postgres => "PostgreSQL", DatabaseProvider.SqlServer => "SQL Server", _ => "SQLite" }, Figure("database"));
        Assert.Equal(instance, Figure("instance"));
        // The demo's own reminders may still wait beside the two written long ago.
        var outbox = Regex.Match(Figure("outbox"), @"^(\d+) e-mails waiting, the oldest since 2000-01-02 03:04 UTC$");
        Assert.True(outbox.Success, Figure("outbox"));
        Assert.True(int.Parse(outbox.Groups[1].Value, CultureInfo.InvariantCulture) >= 2);
        var reminders = Regex.Match(Figure("reminders"), $@"^(?:Last run ended (\d{{4}}-\d\d-\d\d \d\d:\d\d) UTC|Running now) on {Regex.Escape(instance)}\.$");
        Assert.True(reminders.Success, Figure("reminders"));
        if (reminders.Groups[1].Success)
        {
            var ended = DateTime.ParseExact(reminders.Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            Assert.InRange(ended, now.AddMinutes(-10), now);
        }

        Assert.StartsWith("Available Chromium at /", Figure("chromium"), StringComparison.Ordinal);
        var total = new DriveInfo(app.DataDirectory).TotalSize;
        Assert.Matches($@"^\d+\.\d (GB|MB) free of {Regex.Escape(Bytes(total))} \(\d+\.\d % free\)$", Figure("disk"));
    }

    [Theory]
    [InlineData("1.0.0+311c01e5541e9542e3f8e902f327c90cc498ac4e", "1.0.0", "311c01e5541e")]
    [InlineData("1.0.0+abc", "1.0.0", "abc")]
    [InlineData("1.0.0", "1.0.0", null)]
    [InlineData("1.0.0+", "1.0.0", null)]
    public void AppVersion_SplitsTheReleaseFromItsBuild(string version, string release, string? build)
    {
        Assert.Equal(release, AppVersion.Release(version));
        Assert.Equal(build, AppVersion.Build(version));
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task SystemFigures_ForAnyoneButAnAdministrator_AreRefused(string role)
    {
        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsUserAsync("someone", [role], services => services.GetRequiredService<SystemStatus>().ReadAsync()));
        Assert.Equal("This needs the role Administrator.", refusal.Message);

        var user = DemoAccounts.ForRole(role);
        using var client = await app.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/system")).StatusCode);
    }

    [Fact]
    public async Task SystemPage_ForAnAdministrator_IsServed()
    {
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/system")).StatusCode);
    }

    private static string Bytes(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MB");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
