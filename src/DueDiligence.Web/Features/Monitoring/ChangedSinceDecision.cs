using DueDiligence.Domain.Monitoring;

namespace DueDiligence.Web.Features.Monitoring;

/// <summary>A decided supplier that has just gone on the "Changed since decision" queue, and why.</summary>
public sealed record ChangedSinceDecision(Guid SupplierId, string SupplierName, string OwnerId, string What, string ByName, PositionFigures Decided, PositionFigures Live);

/// <summary>
/// Tells the supplier's owner and the executives that a decided supplier went on the "Changed since decision" queue.
/// Until the app has a notification centre, the queue page and the dashboard card are the notice; this writes a log line.
/// </summary>
public sealed class ChangedSinceDecisionNotices(ILogger<ChangedSinceDecisionNotices> logger)
{
    public Task NotifyOwnerAndExecutivesAsync(IReadOnlyList<ChangedSinceDecision> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        foreach (var supplier in changed)
        {
            logger.LogInformation(
                "{Supplier} ({SupplierId}) is on the Changed since decision queue: {What} (by {By}); decided tier {DecidedTier}, live tier {LiveTier}.",
                supplier.SupplierName, supplier.SupplierId, supplier.What, supplier.ByName, supplier.Decided.Tier, supplier.Live.Tier);
        }

        return Task.CompletedTask;
    }
}
