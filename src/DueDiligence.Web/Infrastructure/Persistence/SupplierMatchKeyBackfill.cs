using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence;

/// <summary>
/// Fills <see cref="Supplier.MatchKey"/> and <see cref="Supplier.MatchStem"/> of the suppliers saved before those columns
/// existed (migration SupplierMatchKeys), so that the duplicate check can read them: at start-up, by one instance under
/// the set-up lease, in transactions of <see cref="BatchSize"/>. They are derived from the legal name, which nobody
/// changed: written without an audit event and without a new <see cref="Supplier.Version"/>, so that an open form is not
/// refused for it. A name with nothing to fold (no letter or digit) keeps empty columns and is read again at the next start.
/// </summary>
public static class SupplierMatchKeyBackfill
{
    public const int BatchSize = 500;

    /// <summary>Fills what is missing; returns how many suppliers it filled.</summary>
    public static async Task<int> RunAsync(IDbContextFactory<AppDbContext> factory, CancellationToken cancellationToken)
    {
        var filled = 0;
        Guid? after = null;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var missing = db.Suppliers.AsNoTracking().Where(s => s.MatchStem == "");
            if (after is { } last)
            {
                missing = missing.Where(s => s.Id.CompareTo(last) > 0);
            }

            var batch = await missing.OrderBy(s => s.Id).Take(BatchSize).Select(s => new { s.Id, s.LegalName }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return filled;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var supplier in batch)
                {
                    var (key, stem) = LegalNames.KeyAndStem(supplier.LegalName);
                    filled += await db.Suppliers.Where(s => s.Id == supplier.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.MatchKey, key).SetProperty(s => s.MatchStem, stem), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            after = batch[^1].Id;
        }
    }
}
