namespace DueDiligence.Web.Infrastructure.Scheduling;

/// <summary>
/// Who runs a piece of scheduled work (a sweep, a reminder run) until when. Several app instances share one database;
/// the one that holds the lease does the work, the others skip it. Not audited: it records no business change.
/// </summary>
public sealed class JobLease
{
    public JobLease(string name, string holder, DateTime expiresAtUtc)
    {
        Name = name;
        Holder = holder;
        ExpiresAtUtc = expiresAtUtc;
    }

    public string Name { get; private set; }

    public string Holder { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>When its holder gave it up (the work ended), by the holder's clock; null while it is held or lapsed.</summary>
    public DateTime? ReleasedAtUtc { get; private set; }
}
