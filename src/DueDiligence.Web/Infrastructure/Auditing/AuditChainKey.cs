using System.Security.Cryptography;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Persistence;

namespace DueDiligence.Web.Infrastructure.Auditing;

/// <summary>
/// The secret key of the audit chain, never in the database: <c>Audit:ChainKey</c> (base64, at least 32 bytes; environment
/// variable <c>Audit__ChainKey</c>), or <c>Audit:ChainKeyFile</c> (a file holding that base64 text). Without either, the
/// embedded SQLite database uses <c>&lt;DataDirectory&gt;/keys/audit-chain.key</c>, created with a new random key on first
/// start, readable by the app's user only. A server database refuses to start without a configured key: its instances
/// must share one.
/// </summary>
public static class AuditChainKey
{
    public const string KeySetting = "Audit:ChainKey";
    public const string KeyFileSetting = "Audit:ChainKeyFile";

    /// <summary>The key file's name in the data directory's keys folder.</summary>
    public const string DefaultFileName = "audit-chain.key";

    public static string DefaultPath(DataDirectory data) => Path.Combine(data.KeysPath, DefaultFileName);

    public static AuditChainSigner Load(IConfiguration configuration, DataDirectory data, DatabaseProvider provider)
    {
        if (configuration[KeySetting] is { Length: > 0 } configured)
        {
            return new AuditChainSigner(Decode(configured, $"{KeySetting} (environment variable Audit__ChainKey)"));
        }

        if (configuration[KeyFileSetting] is { Length: > 0 } file)
        {
            var path = Path.GetFullPath(file);
            return File.Exists(path)
                ? new AuditChainSigner(Decode(File.ReadAllText(path), $"the key file {path} ({KeyFileSetting})"))
                : throw new InvalidOperationException($"{KeyFileSetting} names {path}, which does not exist. Restore the key file, or set {KeySetting}.");
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Database:Provider is {provider}, but no audit chain key is configured: set {KeySetting} (environment variable Audit__ChainKey) "
                + $"to a random key of at least {AuditChainSigner.MinimumKeyLength} bytes in base64 (e.g. the output of `openssl rand -base64 32`), "
                + $"or {KeyFileSetting} to a file holding one. Every instance must use the same key; keep it out of the database and in your backups. See docs/deployment.md.");
        }

        return new AuditChainSigner(Decode(ReadOrCreate(DefaultPath(data)), $"the key file {DefaultPath(data)}"));
    }

    /// <summary>The existing key file of a stopped installation (for move-data), or null when it has none.</summary>
    public static AuditChainSigner? LoadExisting(IConfiguration configuration, DataDirectory data) =>
        configuration[KeySetting] is { Length: > 0 } || configuration[KeyFileSetting] is { Length: > 0 } || File.Exists(DefaultPath(data))
            ? Load(configuration, data, DatabaseProvider.Sqlite)
            : null;

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The audit chain key in {where} is not base64.");
        }

        return key.Length >= AuditChainSigner.MinimumKeyLength
            ? key
            : throw new InvalidOperationException($"The audit chain key in {where} is {key.Length} bytes long; it must be at least {AuditChainSigner.MinimumKeyLength}.");
    }

    /// <summary>Creates the file under a temporary name, readable by its owner only, and moves it in place unless another process was first.</summary>
    private static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuditChainSigner.MinimumKeyLength)));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}
