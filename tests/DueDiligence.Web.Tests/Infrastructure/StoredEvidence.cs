using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>An evidence file as the database records it, with the address it downloads from.</summary>
public sealed record StoredEvidence(string DownloadUrl, string StorageKey, string Sha256)
{
    /// <summary>Where the file lies in an evidence folder.</summary>
    public string PathIn(string evidenceFolder) => Path.Combine(evidenceFolder, EvidenceStore.RelativePathOf(StorageKey));

    /// <summary>Every evidence file the app's database records, in a stable order.</summary>
    public static async Task<IReadOnlyList<StoredEvidence>> AllAsync(IServiceProvider appServices)
    {
        await using var scope = appServices.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var files = await db.Assessments.AsNoTracking()
            .SelectMany(a => a.Evidence, (a, e) => new { AssessmentId = a.Id, e.Id, e.StorageKey, e.Sha256 })
            .ToListAsync();
        return files.OrderBy(f => f.StorageKey, StringComparer.Ordinal)
            .Select(f => new StoredEvidence($"/assessments/{f.AssessmentId}/evidence/{f.Id}", f.StorageKey, f.Sha256))
            .ToList();
    }
}
