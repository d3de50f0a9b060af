using System.Linq.Expressions;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Notifications.Mail;

/// <summary>
/// The e-mails still waiting in the outbox (not sent, not given up): how many, and since when the oldest waits. Read by
/// the readiness check, the System page and the outbox metric.
/// </summary>
public sealed class OutboxBacklog(IServiceScopeFactory scopes)
{
    private static readonly Expression<Func<OutboxMail, bool>> Pending = m => m.SentAtUtc == null && m.GaveUpAtUtc == null;

    public async Task<OutboxBacklogFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var pending = db.OutboxMails.AsNoTracking().Where(Pending);
        var count = await pending.CountAsync(cancellationToken);
        var oldest = count == 0 ? (DateTime?)null : await pending.MinAsync(m => (DateTime?)m.CreatedAtUtc, cancellationToken);
        return new OutboxBacklogFigures(count, oldest);
    }

    /// <summary>The count alone, synchronously: for the metric, whose callback cannot wait.</summary>
    public int CountPending()
    {
        using var scope = scopes.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return db.OutboxMails.AsNoTracking().Count(Pending);
    }
}

/// <param name="Pending">E-mails not yet sent and not given up.</param>
/// <param name="OldestCreatedAtUtc">When the oldest of them was written; null when none waits.</param>
public sealed record OutboxBacklogFigures(int Pending, DateTime? OldestCreatedAtUtc);
