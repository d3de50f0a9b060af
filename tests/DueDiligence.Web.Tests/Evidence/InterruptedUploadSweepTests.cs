using System.IO.Enumeration;
using DueDiligence.Web.Infrastructure.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Evidence;

/// <summary>
/// The sweep of interrupted uploads over a real evidence folder that several instances could share: the files' real
/// last-write times against a fake clock.
/// </summary>
public sealed class InterruptedUploadSweepTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly EvidenceFolder folder = new(Path.Combine(Path.GetTempPath(), "dd-sweep-tests", Guid.NewGuid().ToString("N")));
    private readonly FakeTimeProvider time = new(Now);

    public void Dispose() => Directory.Delete(folder.Path, recursive: true);

    [Fact]
    public void Sweep_WhenAnUploadFileWasLastWrittenLongerAgoThanTheAge_RemovesIt()
    {
        var interrupted = TempFile(".upload-host-a-4242-0123456789abcdef.tmp", Now.AddHours(-3));

        var removed = Sweep();

        Assert.Equal([Path.GetFileName(interrupted)], removed);
        Assert.False(File.Exists(interrupted));
    }

    [Fact]
    public void Sweep_WhenAnUploadFileWasWrittenWithinTheAge_KeepsIt()
    {
        // Another instance is uploading into the shared folder right now.
        var running = TempFile(".upload-host-b-77-fedcba9876543210.tmp", Now.AddMinutes(-5));

        var removed = Sweep();

        Assert.Empty(removed);
        Assert.True(File.Exists(running));
    }

    [Fact]
    public void Sweep_AsTheClockPassesTheAge_RemovesTheFileOnlyThen()
    {
        var stalled = TempFile(".upload-host-b-77-fedcba9876543210.tmp", Now.AddMinutes(-50));

        Assert.Empty(Sweep());
        time.Advance(TimeSpan.FromMinutes(11));

        Assert.Single(Sweep());
        Assert.False(File.Exists(stalled));
    }

    [Fact]
    public void Sweep_WithAConfiguredAge_UsesIt()
    {
        var upload = TempFile(".upload-host-a-1-0000000000000000.tmp", Now.AddMinutes(-20));

        Assert.Empty(Sweep(TimeSpan.FromMinutes(30)));
        Assert.Single(Sweep(TimeSpan.FromMinutes(10)));
        Assert.False(File.Exists(upload));
    }

    [Fact]
    public void Sweep_WhenAnUploadFileIsOfAnEarlierRelease_RemovesItToo()
    {
        var earlier = TempFile(".upload-0123456789abcdef0123456789abcdef.tmp", Now.AddDays(-2));

        Assert.Single(Sweep());
        Assert.False(File.Exists(earlier));
    }

    [Fact]
    public async Task Sweep_NeverTouchesStoredEvidenceFilesHoweverOld()
    {
        var store = new EvidenceStore(folder, Options.Create(new EvidenceOptions()));
        var stored = await store.SaveAsync("certificate.pdf", new MemoryStream(SampleFiles.Pdf()), CancellationToken.None);
        var path = Path.Combine(folder.Path, stored.StorageKey[..2], stored.StorageKey);
        File.SetLastWriteTimeUtc(path, Now.AddYears(-3).UtcDateTime);
        var other = TempFile("notes.tmp", Now.AddYears(-3));

        var removed = Sweep();

        Assert.Empty(removed);
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(other));
        await using var content = store.OpenRead(stored.StorageKey);
        Assert.Equal(SampleFiles.Pdf().Length, content.Length);
    }

    [Fact]
    public async Task Sweep_WhenAnUploadOfThisInstanceIsRunning_KeepsItsFileHoweverOldItLooks()
    {
        // The file system's clock and the app's disagree (a test's clock moved ahead, a file server's clock behind).
        var store = new EvidenceStore(folder, Options.Create(new EvidenceOptions()));
        var pdf = SampleFiles.Pdf();
        var content = new PausedStream(pdf, pauseAfter: pdf.Length / 2);
        var upload = store.SaveAsync("certificate.pdf", content, CancellationToken.None);
        await content.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        var running = Assert.Single(Directory.GetFiles(folder.Path, UploadTempFile.SearchPattern));
        File.SetLastWriteTimeUtc(running, Now.AddDays(-2).UtcDateTime);

        var removed = Sweep(store: store);
        content.Resume();
        var stored = await upload;

        Assert.Empty(removed);
        Assert.False(store.IsUploading(Path.GetFileName(running)));
        Assert.Empty(Directory.GetFiles(folder.Path, UploadTempFile.SearchPattern));
        await using var kept = store.OpenRead(stored.StorageKey);
        Assert.Equal(pdf.Length, kept.Length);
    }

    [Fact]
    public void NewName_NamesTheMachineAndProcessAndMatchesTheSweepPattern()
    {
        var name = UploadTempFile.NewName();

        Assert.Matches($"^\\.upload-[A-Za-z0-9_-]+-{Environment.ProcessId}-[0-9a-f]{{16}}\\.tmp$", name);
        Assert.True(FileSystemName.MatchesSimpleExpression(UploadTempFile.SearchPattern, name));
    }

    private IReadOnlyList<string> Sweep(TimeSpan? age = null, EvidenceStore? store = null)
    {
        var options = new EvidenceOptions();
        options.InterruptedUploadAge = age ?? options.InterruptedUploadAge;
        store ??= new EvidenceStore(folder, Options.Create(options));
        return new InterruptedUploadSweep(folder, store, Options.Create(options), time, NullLogger<InterruptedUploadSweep>.Instance).Sweep();
    }

    private string TempFile(string name, DateTimeOffset lastWrite)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, lastWrite.UtcDateTime);
        return path;
    }
}
