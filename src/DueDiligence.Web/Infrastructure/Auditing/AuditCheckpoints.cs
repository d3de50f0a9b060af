using System.Globalization;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Auditing;

/// <summary>
/// Signed checkpoints of the chain's head, outside the database: <c>Audit:CheckpointFolder</c> (default
/// <c>&lt;DataDirectory&gt;/audit-checkpoints</c>), one folder shared by every instance. After each committed audited save
/// a file named after its last event is written under a temporary name and renamed into place, so that concurrent writers
/// never overwrite each other and the file with the highest event id is the newest; older files beyond the last few are
/// removed. Verification compares the table with the newest one, so that events removed from the end are detected.
/// </summary>
public sealed class AuditCheckpoints(string folder, AuditChainSigner signer, TimeProvider clock, ILogger<AuditCheckpoints> log)
{
    public const string FolderSettingName = "Audit:CheckpointFolder";
    public const string DefaultFolderName = "audit-checkpoints";

    private const string Prefix = "checkpoint-";
    private const string Extension = ".json";
    private const int Kept = 10;
    private const string LastFullVerificationFile = "last-full-verification.json";

    public string Folder { get; } = folder;

    /// <summary>The newest file read or written by this process, so that the check inside the chain's lock reads a file only when another instance wrote a newer one.</summary>
    private volatile Tuple<string, AuditStatement>? _known;

    public static AuditCheckpoints FromConfiguration(IConfiguration configuration, IHostEnvironment environment, DataDirectory data, AuditChainSigner signer, TimeProvider clock, ILogger<AuditCheckpoints> log)
    {
        var folder = configuration[FolderSettingName] is { Length: > 0 } configured
            ? FolderSetting.Resolve(environment, FolderSettingName, configured)
            : Path.Combine(data.Root, DefaultFolderName);
        return new AuditCheckpoints(folder, signer, clock, log);
    }

    /// <summary>Records that the committed chain ends at <paramref name="head"/>. A failure is logged, never thrown: the save is committed.</summary>
    public async Task WriteAsync(AuditEvent head)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var statement = AuditStatement.Create(signer, AuditStatement.CheckpointKind, head.Id, head.Hash, head.ChainVersion, null, clock.GetUtcNow());
            var path = Path.Combine(Folder, FileName(head.Id));
            var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
            await File.WriteAllTextAsync(temporary, statement.ToJson());
            File.Move(temporary, path, overwrite: true);
            Remember(path, statement);
            Prune();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError(e, "Could not write the audit checkpoint of event {EventId} to {Folder}", head.Id, Folder);
        }
    }

    /// <summary>
    /// At start: records where the chain ends now. A file of a higher event, if any, stays the newest, so that a trail cut
    /// short while the app was stopped is still reported.
    /// </summary>
    public async Task WriteCurrentHeadAsync(IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken) is { } head)
        {
            await WriteAsync(head);
        }
    }

    /// <summary>
    /// The newest checkpoint, whose event the append checks inside the chain's lock (<see cref="TamperingFound"/>); null
    /// when there is none, or when it cannot be read (logged: verification reports it too).
    /// </summary>
    public AuditStatement? NewestToCheck()
    {
        try
        {
            return Newest();
        }
        catch (AuditCheckpointException e)
        {
            log.LogError("{Problem}", e.Message);
            return null;
        }
    }

    /// <summary>
    /// Whether the event the checkpoint records is still in the trail with its MAC (<paramref name="recorded"/>: its hash as
    /// the trail holds it now, null if it is gone; <paramref name="last"/>: the trail's last event). If it is not — the trail
    /// was cut short or rewritten — the finding, so that the append records it in the chain instead of silently linking past
    /// the gap (and a new checkpoint hiding it).
    /// </summary>
    public string? TamperingFound(AuditStatement checkpoint, string? recorded, long? last)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (recorded == checkpoint.Mac)
        {
            return null;
        }

        var finding = recorded is null
            ? $"event {checkpoint.EventId}, which {checkpoint.ToAnchor().Source} records, was missing (the trail ended at {(last is null ? "no event" : $"event {last}")})"
            : $"event {checkpoint.EventId} no longer carried the MAC {checkpoint.ToAnchor().Source} records";
        log.LogCritical("The audit trail was tampered with: {Finding}", finding);
        return finding;
    }

    /// <summary>
    /// Records where a full verification found the chain intact, for <see cref="LastFullVerification"/>. A failure is
    /// logged, never thrown: the verification's result stands, and the next quick check walks the whole chain.
    /// </summary>
    public async Task WriteFullVerificationAsync(AuditAnchor end)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var statement = AuditStatement.Create(signer, AuditStatement.VerifiedKind, end.EventId, end.Mac, end.ChainVersion, end.EventCount, clock.GetUtcNow());
            var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
            await File.WriteAllTextAsync(temporary, statement.ToJson());
            File.Move(temporary, Path.Combine(Folder, LastFullVerificationFile), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError(e, "Could not record the full verification of the audit chain in {Folder}", Folder);
        }
    }

    /// <summary>Where the last full verification found the chain intact; null when none is recorded.</summary>
    /// <exception cref="AuditCheckpointException">The file is not a verification record signed with this installation's key.</exception>
    public AuditStatement? LastFullVerification()
    {
        var path = Path.Combine(Folder, LastFullVerificationFile);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return AuditStatement.Parse(json) is { Kind: AuditStatement.VerifiedKind, EventCount: not null } statement && statement.IsSignedBy(signer)
            ? statement
            : throw new AuditCheckpointException($"The record of the last full verification, {path}, is not signed with this installation's audit chain key: it was forged or altered, or the key changed. Run a full verification.");
    }

    /// <summary>The newest checkpoint, read from its file; null when none was written yet. A newest file that is not signed with the key is refused.</summary>
    /// <exception cref="AuditCheckpointException">The newest checkpoint file is not a checkpoint signed with this installation's key.</exception>
    public Task<AuditStatement?> NewestAsync(CancellationToken cancellationToken) => Task.FromResult(Read(trustKnown: false));

    /// <summary>As <see cref="NewestAsync"/>, without reading again a file this process has read or written: for the check inside the lock.</summary>
    private AuditStatement? Newest() => Read(trustKnown: true);

    private AuditStatement? Read(bool trustKnown)
    {
        foreach (var (_, path) in Files().OrderByDescending(f => f.EventId))
        {
            if (trustKnown && _known is { } known && known.Item1 == path)
            {
                return known.Item2;
            }

            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (FileNotFoundException)
            {
                continue; // removed by a writer that keeps only the last few
            }

            if (AuditStatement.Parse(json) is not { Kind: AuditStatement.CheckpointKind } statement || !statement.IsSignedBy(signer))
            {
                throw new AuditCheckpointException($"The newest checkpoint file {path} is not a checkpoint signed with this installation's audit chain key: it was forged or altered, or the key changed.");
            }

            Remember(path, statement);
            return statement;
        }

        return null;
    }

    private void Remember(string path, AuditStatement statement)
    {
        if (_known is not { } known || string.CompareOrdinal(path, known.Item1) >= 0)
        {
            _known = Tuple.Create(path, statement);
        }
    }

    private void Prune()
    {
        foreach (var (_, path) in Files().OrderByDescending(f => f.EventId).Skip(Kept))
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Another instance removes it too.
            }
        }
    }

    private IEnumerable<(long EventId, string Path)> Files()
    {
        if (!Directory.Exists(Folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(Folder, Prefix + "*" + Extension))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (long.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                yield return (id, path);
            }
        }
    }

    private static string FileName(long eventId) => $"{Prefix}{eventId.ToString("D19", CultureInfo.InvariantCulture)}{Extension}";
}

/// <summary>A checkpoint file that cannot be trusted.</summary>
public sealed class AuditCheckpointException(string message) : Exception(message);
