using System.Text.RegularExpressions;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Files;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>
/// The files a backup folder holds: <c>duediligence.db</c>, <c>evidence/ab/ab12…</c> (as in the evidence store),
/// <c>keys/*.xml</c> (data-protection keys of older releases), <c>keys/audit-chain.key</c> (without which the audit chain
/// cannot be verified) and <c>manifest.json</c>. The audit checkpoints are not backed up: they describe the live trail,
/// and a restore deliberately goes back to an earlier point of it. A manifest path that is none of these (say "../../etc/passwd") is refused.
/// </summary>
public static partial class BackupLayout
{
    public const string ManifestFile = "manifest.json";
    public const string DatabaseFile = "duediligence.db";
    public const string EvidenceFolder = "evidence";
    public const string KeysFolder = "keys";

    public enum Kind
    {
        Database,
        Evidence,
        Key,
    }

    /// <summary>The kind of file a manifest path names, or null when a backup never holds such a path.</summary>
    public static Kind? Classify(string path)
    {
        if (path == DatabaseFile)
        {
            return Kind.Database;
        }

        var parts = path.Split('/');
        if (parts is [EvidenceFolder, var prefix, var key] && EvidenceStore.IsStorageKey(key) && prefix == key[..2])
        {
            return Kind.Evidence;
        }

        return parts is [KeysFolder, var name] && (KeyFileName().IsMatch(name) || name == AuditChainKey.DefaultFileName) ? Kind.Key : null;
    }

    /// <summary>The manifest path of a stored evidence file.</summary>
    public static string EvidencePath(string storageKey) => $"{EvidenceFolder}/{storageKey[..2]}/{storageKey}";

    public static string KeyPath(string fileName) => $"{KeysFolder}/{fileName}";

    /// <summary>The full path of a manifest path inside <paramref name="folder"/>.</summary>
    public static string FullPath(string folder, string path) => Path.Combine([folder, .. path.Split('/')]);

    /// <summary>The data-protection key ring's files: "key-{guid}.xml".</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*\\.xml$")]
    private static partial Regex KeyFileName();
}
