namespace DueDiligence.Domain.Scoring;

/// <summary>The evidence situation of a question as the score saw it (expired items count as missing).</summary>
public enum EvidenceStatus
{
    NotRequired,
    Verified,
    Unverified,
    Missing,
}
