using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>
/// Imports rights from CSV, all or nothing: the preview names every error with its line; the import reads the file again,
/// refuses it unless every line is valid, and adds all its rights in one audited save. A right already in the register
/// (same kind, title and number) is refused: change it on its page.
/// </summary>
public sealed class IpRightImport(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<IpRightCsvFile> PreviewAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Editors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CheckAsync(db, content, cancellationToken);
    }

    /// <returns>How many rights were added.</returns>
    /// <exception cref="DomainException">The file has an error; nothing was added.</exception>
    public async Task<int> ImportAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Editors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await CheckAsync(db, content, cancellationToken);
        if (!file.CanImport)
        {
            var first = file.FileErrors.FirstOrDefault() ?? file.Rows.Where(r => r.Errors.Count > 0).Select(r => $"line {r.Line}: {r.Errors[0]}").First();
            throw new DomainException($"Nothing was imported: the file has errors (first: {first}). Correct them and upload it again.");
        }

        var now = time.UtcNow();
        db.IpRights.AddRange(file.Rows.Select(r => new IpRight(r.Details!, now)));
        await db.SaveChangesAsync(cancellationToken);
        return file.Rows.Count;
    }

    private static async Task<IpRightCsvFile> CheckAsync(AppDbContext db, byte[] content, CancellationToken cancellationToken)
    {
        var file = IpRightCsv.Read(content);
        var existing = (await db.IpRights.AsNoTracking().Select(r => new { r.Kind, r.Title, r.Number }).ToListAsync(cancellationToken))
            .Select(r => IpRightCsv.KeyOf(r.Kind, r.Title, r.Number))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return file with
        {
            Rows = [.. file.Rows.Select(row => row.Details is { } d && existing.Contains(IpRightCsv.KeyOf(d.Kind, d.Title, d.Number))
                ? row with { Details = null, Errors = [$"“{d.Title}” ({IpRightKinds.Label(d.Kind)}{(d.Number is null ? "" : $", {d.Number}")}) is already in the register: change it on its page."] }
                : row)],
        };
    }
}
