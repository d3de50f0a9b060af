using System.Net;
using System.Security.Cryptography;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Backups;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Backups;

/// <summary>
/// The restore drill of docs/operations.md on SQLite, with the real scripts: back up a running app with demo data while
/// it writes, restore into a new data folder, start the app there and check that nothing is missing or changed.
/// </summary>
public sealed class RestoreDrillTests : IAsyncLifetime
{
    // The backup command is SQLite's; the server databases are backed up with their own tools (docs/operations.md).
    private readonly AppFactory _source = new(TestDatabase.Sqlite);
    private readonly AppFactory _restored = new(TestDatabase.Sqlite);
    private readonly string _backups = Path.Combine(Path.GetTempPath(), "dd-backup-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _restored.DisposeAsync();
        await _source.DisposeAsync();
        if (Directory.Exists(_backups))
        {
            Directory.Delete(_backups, recursive: true);
        }
    }

    [Fact]
    public async Task Drill_WhenBackedUpWhileTheAppWrites_RestoresEveryRecordTheAuditChainEvidenceAndSignIn()
    {
        var seeded = await FiguresAsync(_source);
        var backupFolder = Path.Combine(_backups, "drill");

        var (backup, after) = await BackUpWhileWritingAsync(backupFolder);
        var manifest = ManifestOf(backupFolder);
        var restore = await BackupScripts.RestoreAsync(backupFolder, _restored.DataDirectory);
        var restored = await FiguresAsync(_restored);

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(restore.ExitCode == 0, restore.ToString());
        // The backup is one moment in the middle of the writes.
        Assert.InRange(manifest.TableRows["Suppliers"], seeded.TableRows["Suppliers"] + 3, after.TableRows["Suppliers"] - 2);
        // Supplier positions are derived figures: the restored app computes those the backup lacked (this test's writer
        // adds suppliers straight to the database, without them) as it starts, one per supplier.
        Assert.Equal(Primary(manifest.TableRows), Primary(restored.TableRows));
        Assert.Equal(restored.TableRows["Suppliers"], restored.TableRows["SupplierPositions"]);
        Assert.Equal(seeded.MigrationId, manifest.MigrationId);
        Assert.Equal(manifest.MigrationId, restored.MigrationId);

        // The audit chain key travels with the backup: without it the restored chain could not be verified.
        Assert.Contains(manifest.Files, f => f.Path == $"keys/{AuditChainKey.DefaultFileName}");
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(_source.DataDirectory, "keys", AuditChainKey.DefaultFileName)),
            await File.ReadAllTextAsync(Path.Combine(_restored.DataDirectory, "keys", AuditChainKey.DefaultFileName)));
        var chain = await _restored.AsUserAsync("admin", [AppRoles.Admin], s => s.GetRequiredService<AuditLog>().VerifyAsync());
        Assert.True(chain.IsIntact, chain.Reason);
        Assert.Equal(manifest.TableRows["AuditEvents"], chain.VerifiedCount);

        var sourceFiles = await StoredEvidence.AllAsync(_source.Services);
        var restoredFiles = await StoredEvidence.AllAsync(_restored.Services);
        Assert.Equal(manifest.FileCounts.Evidence, restoredFiles.Count);
        Assert.Subset(sourceFiles.ToHashSet(), restoredFiles.ToHashSet());
        var legal = DemoAccounts.ForRole(AppRoles.LegalReviewer);
        var client = await _restored.SignInAsync(legal.Email, legal.Password);
        var download = await client.GetAsync(restoredFiles[0].DownloadUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(restoredFiles[0].PathIn(Path.Combine(_source.DataDirectory, "evidence"))), bytes);
        Assert.Equal(restoredFiles[0].Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(_restored.CreateBrowserLikeClient(), analyst.Email, analyst.Password)).StatusCode);
    }

    [Fact]
    public async Task Restore_WhenOneEvidenceByteWasChanged_RefusesNamingTheFileAndWritesNothing()
    {
        _ = await FiguresAsync(_source);
        var backupFolder = Path.Combine(_backups, "tampered");
        Assert.Equal(0, (await BackupScripts.BackupAsync(_source.DataDirectory, backupFolder)).ExitCode);
        var evidence = ManifestOf(backupFolder).Files.First(f => BackupLayout.Classify(f.Path) == BackupLayout.Kind.Evidence);
        var path = BackupLayout.FullPath(backupFolder, evidence.Path);
        File.SetAttributes(path, FileAttributes.Normal);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var restore = await BackupScripts.RestoreAsync(backupFolder, _restored.DataDirectory);

        Assert.Equal(BackupCommandLine.Failed, restore.ExitCode);
        Assert.Contains($"{evidence.Path} has SHA-256 ", restore.Error, StringComparison.Ordinal);
        Assert.Contains($"the manifest says {evidence.Sha256}", restore.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was restored", restore.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_restored.DataDirectory), "The restore wrote into the target folder.");
    }

    [Fact]
    public async Task Restore_WhenAnAppRunsOnTheTargetFolder_RefusesEvenWithForce()
    {
        var before = await FiguresAsync(_source);
        var backupFolder = Path.Combine(_backups, "over-running");
        Assert.Equal(0, (await BackupScripts.BackupAsync(_source.DataDirectory, backupFolder)).ExitCode);

        var withoutForce = await BackupScripts.RestoreAsync(backupFolder, _source.DataDirectory);
        var withForce = await BackupScripts.RestoreAsync(backupFolder, _source.DataDirectory, force: true);

        Assert.Equal(BackupCommandLine.Failed, withoutForce.ExitCode);
        Assert.Equal(BackupCommandLine.Failed, withForce.ExitCode);
        Assert.Contains($"An app is running on the data directory {_source.DataDirectory}", withForce.Error, StringComparison.Ordinal);
        Assert.Equal(Primary(before.TableRows), Primary((await FiguresAsync(_source)).TableRows));
    }

    [Fact]
    public async Task Backup_WhenTheBackupFolderIsNotEmpty_RefusesAndKeepsItsFiles()
    {
        _ = await FiguresAsync(_source);
        Directory.CreateDirectory(_backups);
        var other = Path.Combine(_backups, "notes.txt");
        await File.WriteAllTextAsync(other, "keep me");

        var backup = await BackupScripts.BackupAsync(_source.DataDirectory, _backups);

        Assert.Equal(BackupCommandLine.Failed, backup.ExitCode);
        Assert.Contains($"The backup folder {_backups} is not empty", backup.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(_backups).Select(Path.GetFileName));
    }

    /// <summary>Backs up while a writer adds drafts; the writer has written before the backup starts and goes on after it ends.</summary>
    private async Task<(BackupScripts.Result Backup, DatabaseFigures After)> BackUpWhileWritingAsync(string backupFolder)
    {
        var wroteBefore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backupDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            var writes = 0;
            var writesAfterBackup = 0;
            while (writesAfterBackup < 2)
            {
                var ended = backupDone.Task.IsCompleted;
                await NewDraftAsync(_source);
                if (++writes == 3)
                {
                    wroteBefore.SetResult();
                }

                writesAfterBackup += ended ? 1 : 0;
            }
        });

        await Task.WhenAny(wroteBefore.Task, writer);
        await wroteBefore.Task;
        var backup = await BackupScripts.BackupAsync(_source.DataDirectory, backupFolder);
        backupDone.SetResult();
        await writer;
        return (backup, await FiguresAsync(_source));
    }

    /// <summary>
    /// The app's database in figures. The app is started first, so that it is seeded, and its sweep of interrupted
    /// uploads has run once: that round writes the sweep's lease row, which would otherwise appear whenever the
    /// background job gets to it and change the figures between two readings.
    /// </summary>
    private static async Task<DatabaseFigures> FiguresAsync(AppFactory app)
    {
        await app.Services.GetRequiredService<InterruptedUploadSweepJob>().RunOnceAsync(CancellationToken.None);
        return await SqliteDatabaseFile.DescribeAsync(Path.Combine(app.DataDirectory, "duediligence.db"), CancellationToken.None);
    }

    /// <summary>The records people made: not the positions recomputed at start-up, nor what the background jobs write when they run.</summary>
    private static Dictionary<string, long> Primary(IReadOnlyDictionary<string, long> tableRows) =>
        tableRows.Where(t => t.Key is not ("SupplierPositions" or "Notifications" or "OutboxMails" or "SentReminders" or "JobLeases")).ToDictionary();

    private static BackupManifest ManifestOf(string backupFolder)
    {
        var path = Path.Combine(backupFolder, BackupLayout.ManifestFile);
        return BackupManifest.Parse(File.ReadAllText(path), path);
    }
}
