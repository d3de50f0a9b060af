using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments.Reminders;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Backups;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Pdf;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Admin.Status;

/// <summary>
/// What an administrator sees on the System page: this release, the scoring policy, the database, the e-mail outbox,
/// the last run of the daily reminders, Chromium (the readiness check's test), and the space left where the data lives.
/// </summary>
public sealed class SystemStatus(
    CurrentUser currentUser,
    IDbContextFactory<AppDbContext> contexts,
    OutboxBacklog outbox,
    DatabaseSettings database,
    DataDirectory dataDirectory,
    InstanceIdentity instance,
    IOptions<PdfOptions> pdf,
    TimeProvider clock)
{
    public async Task<SystemFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        var backlog = await outbox.ReadAsync(cancellationToken);
        return new SystemFigures(
            AppVersion.Current,
            ScoringPolicy.Default.Id,
            database.Provider.ToString(),
            instance.Name,
            backlog.Pending,
            backlog.OldestCreatedAtUtc,
            await LastReminderRunAsync(cancellationToken),
            ChromiumExecutable.IsRunnable(pdf.Value.ChromiumPath),
            pdf.Value.ChromiumPath,
            DiskOf(dataDirectory.Root));
    }

    /// <summary>
    /// From the reminders' lease: each run gives it up as it ends, so a released lease tells when the last run ended and
    /// where; a lease still held is a run going on now; one that lapsed unreleased (the instance stopped during a run)
    /// ended when it lapsed.
    /// </summary>
    private async Task<ReminderRun?> LastReminderRunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lease = await db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == DailyRemindersJob.LeaseName, cancellationToken);
        return lease is null
            ? null
            : new ReminderRun(lease.ReleasedAtUtc ?? lease.ExpiresAtUtc, lease.Holder,
                Running: lease.ReleasedAtUtc is null && lease.ExpiresAtUtc > clock.GetUtcNow().UtcDateTime);
    }

    private static DiskSpace? DiskOf(string folder)
    {
        try
        {
            var drive = new DriveInfo(folder);
            return new DiskSpace(drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}

/// <param name="PendingMails">E-mails in the outbox not yet sent and not given up.</param>
/// <param name="OldestPendingSinceUtc">When the oldest of them was written.</param>
/// <param name="LastReminders">Null while the daily reminders have never run.</param>
/// <param name="Disk">The file system of the data directory; null when the system does not say.</param>
public sealed record SystemFigures(
    string Version,
    string PolicyId,
    string DatabaseProvider,
    string InstanceName,
    int PendingMails,
    DateTime? OldestPendingSinceUtc,
    ReminderRun? LastReminders,
    bool ChromiumAvailable,
    string ChromiumPath,
    DiskSpace? Disk);

/// <param name="AtUtc">When the run ended, or, while <paramref name="Running"/>, until when its lease holds.</param>
public sealed record ReminderRun(DateTime AtUtc, string Instance, bool Running);

public sealed record DiskSpace(long FreeBytes, long TotalBytes);
