namespace DueDiligence.Domain.Scoring;

/// <summary>What scoring needs to know about one piece of evidence attached to an answer.</summary>
/// <param name="ExpiresOn">Evidence expiring on or before the as-of date counts as not attached.</param>
public sealed record EvidenceItem(bool Verified, DateOnly? ExpiresOn = null);
