using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence;

/// <summary>
/// Releases before 2026-12 kept the data-protection key ring as XML files in <c>&lt;DataDirectory&gt;/keys</c>. On the
/// first start with keys in the database, those keys are copied in, so that signed-in users stay signed in and
/// protected values stay readable. The files are left where they are (a backup of the data folder keeps them).
/// </summary>
internal static class KeyRingImport
{
    public static async Task FromDataDirectoryAsync(AppDbContext db, DataDirectory data, CancellationToken cancellationToken)
    {
        var folder = data.KeysPath;
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml").Order(StringComparer.Ordinal))
        {
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, cancellationToken),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
