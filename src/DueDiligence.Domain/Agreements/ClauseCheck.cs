using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Agreements;

/// <summary>One line of an agreement's clause checklist: a clause of the library, what was found and where.</summary>
public sealed class ClauseCheck
{
    private ClauseCheck()
    {
    }

    internal ClauseCheck(Guid clauseId, ClauseStatus status, string? reference, string checkedBy, DateTime nowUtc)
    {
        ClauseId = clauseId;
        Update(status, reference, checkedBy, nowUtc);
    }

    public Guid ClauseId { get; private set; }

    public ClauseStatus Status { get; private set; }

    /// <summary>Where the clause is in the agreement, e.g. "clause 7.2"; required when present.</summary>
    public string? Reference { get; private set; }

    public string CheckedBy { get; private set; } = "";

    public DateTime CheckedAtUtc { get; private set; }

    internal void Update(ClauseStatus status, string? reference, string checkedBy, DateTime nowUtc)
    {
        Status = status;
        Reference = status == ClauseStatus.Present
            ? Text.Required(reference, "Say where the clause is in the agreement, e.g. “clause 7.2”.", 60)
            : Text.Optional(reference, 60);
        CheckedBy = checkedBy;
        CheckedAtUtc = nowUtc;
    }
}
