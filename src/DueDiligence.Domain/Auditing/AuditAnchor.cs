namespace DueDiligence.Domain.Auditing;

/// <summary>
/// A signed statement, kept outside the audit table, of how the chain ended at one moment: its last event and that
/// event's MAC (and, for a receipt, how many events there were). Verification checks that the table still holds that
/// event with that MAC, so that removing the last events or rewriting the chain before it is detected.
/// </summary>
/// <param name="Source">How the report names it, e.g. "the checkpoint of 2026-12-04 10:14 UTC".</param>
/// <param name="EventCount">How many events the chain held up to and including <paramref name="EventId"/>, when known.</param>
public sealed record AuditAnchor(string Source, long EventId, string Mac, int ChainVersion, long? EventCount);
