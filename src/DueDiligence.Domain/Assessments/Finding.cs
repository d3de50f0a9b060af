using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A legal finding about the supplier: how serious it is, what to do about it, who owns it and by when; followed up after
/// the decision: started, resolved (with evidence of fulfilment) or waived with a reason, reopened.
/// </summary>
public sealed class Finding
{
    private readonly List<RemediationStep> _history = [];
    private readonly List<FulfilmentEvidence> _evidence = [];

    private Finding()
    {
    }

    internal Finding(FindingDetails details, Actor actor, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Status = FindingStatus.Open;
        CreatedById = actor.Id;
        CreatedByName = actor.Name;
        CreatedAtUtc = nowUtc;
        Update(details);
    }

    public Guid Id { get; private set; }

    public FindingSeverity Severity { get; private set; }

    public string Description { get; private set; } = "";

    public string? RecommendedMitigation { get; private set; }

    /// <summary>
    /// The name of the user who owns it; while unassigned, empty, or the text entered before owners were users (kept only
    /// for those rows: nothing writes text owners any more).
    /// </summary>
    public string Owner { get; private set; } = "";

    /// <summary>The user who owns it (AspNetUsers.Id); null while unassigned.</summary>
    public string? OwnerId { get; private set; }

    /// <summary>The owner as shown: the user's name, "Unassigned", or "Unassigned — was: …" for an owner entered as text.</summary>
    public string OwnerLabel => OwnerWording.Label(OwnerId, Owner);

    public DateOnly? DueOn { get; private set; }

    public FindingStatus Status { get; private set; }

    /// <summary>The question the finding is about, when it is about one.</summary>
    public string? QuestionCode { get; private set; }

    public string CreatedById { get; private set; } = "";

    public string CreatedByName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public string? ResolvedById { get; private set; }

    public string? ResolvedByName { get; private set; }

    /// <summary>When it was resolved; null while open (a reopened finding loses its resolution).</summary>
    public DateTime? ResolvedAtUtc { get; private set; }

    /// <summary>Why it is accepted as it is; null unless waived.</summary>
    public string? WaiverReason { get; private set; }

    /// <summary>Every change of status and every file attached, oldest first.</summary>
    public IReadOnlyList<RemediationStep> History => _history.OrderBy(static s => s.Sequence).ToList();

    /// <summary>Files showing that it was resolved.</summary>
    public IReadOnlyList<FulfilmentEvidence> Evidence => _evidence;

    /// <summary>Still to be resolved: open or in progress.</summary>
    public bool IsOutstanding => RemediationFlow.IsOutstanding(Stage(Status));

    /// <summary>Not resolved or waived and due before <paramref name="today"/>; never overdue without a due date.</summary>
    public bool IsOverdueOn(DateOnly today) => RemediationFlow.IsOverdue(Stage(Status), DueOn, today);

    internal void Update(FindingDetails details)
    {
        if (!Enum.IsDefined(details.Severity))
        {
            throw new DomainException("Choose the finding's severity: Low, Medium, High or Critical.");
        }

        Severity = details.Severity;
        Description = Text.Required(details.Description, "Describe the finding.", 2000);
        RecommendedMitigation = Text.Optional(details.RecommendedMitigation, 2000);
        DueOn = details.DueOn;
        QuestionCode = Text.Optional(details.QuestionCode, 100);
    }

    /// <summary>Makes the user the owner; <paramref name="ownerName"/> is how they are shown.</summary>
    internal void AssignTo(string ownerId, string ownerName) => (OwnerId, Owner) = OwnerWording.Checked(ownerId, ownerName);

    internal void SetStatus(FindingStatus status, string? reason, Actor actor, DateTime nowUtc)
    {
        var (action, waiverReason) = RemediationFlow.Check($"finding “{Description}”", Stage(Status), Stage(status), reason, "resolved");
        Status = status;
        var resolved = status == FindingStatus.Resolved;
        ResolvedById = resolved ? actor.Id : null;
        ResolvedByName = resolved ? actor.Name : null;
        ResolvedAtUtc = resolved ? nowUtc : null;
        WaiverReason = waiverReason;
        _history.Add(new RemediationStep(_history.Count + 1, action, waiverReason, actor, nowUtc));
    }

    internal FulfilmentEvidence Attach(FulfilmentUpload upload, Actor actor, DateTime nowUtc)
    {
        var file = new FulfilmentEvidence(upload, actor, nowUtc);
        _evidence.Add(file);
        _history.Add(new RemediationStep(_history.Count + 1, RemediationAction.EvidenceAttached, file.OriginalFileName, actor, nowUtc));
        return file;
    }

    private static RemediationFlow.Stage Stage(FindingStatus status) => status switch
    {
        FindingStatus.Open => RemediationFlow.Stage.Open,
        FindingStatus.InProgress => RemediationFlow.Stage.InProgress,
        FindingStatus.Resolved => RemediationFlow.Stage.Done,
        FindingStatus.Waived => RemediationFlow.Stage.Waived,
        _ => throw new DomainException($"“{status}” is not a status of a finding."),
    };
}
