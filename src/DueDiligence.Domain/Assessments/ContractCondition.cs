using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A condition the contract with the supplier must meet (e.g. an NDA signed before tooling is shipped), with owner and due
/// date, followed up after the decision: started, met (with evidence of fulfilment) or waived with a reason, reopened.
/// </summary>
public sealed class ContractCondition
{
    private readonly List<RemediationStep> _history = [];
    private readonly List<FulfilmentEvidence> _evidence = [];

    private ContractCondition()
    {
    }

    internal ContractCondition(ConditionDetails details, Actor actor, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Status = ConditionStatus.Open;
        CreatedById = actor.Id;
        CreatedByName = actor.Name;
        CreatedAtUtc = nowUtc;
        Update(details);
    }

    public Guid Id { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>
    /// The name of the user who must see the condition met; while unassigned, empty, or the text entered before owners were
    /// users (kept only for those rows: nothing writes text owners any more).
    /// </summary>
    public string Owner { get; private set; } = "";

    /// <summary>The user who owns it (AspNetUsers.Id); null while unassigned.</summary>
    public string? OwnerId { get; private set; }

    /// <summary>The owner as shown: the user's name, "Unassigned", or "Unassigned — was: …" for an owner entered as text.</summary>
    public string OwnerLabel => OwnerWording.Label(OwnerId, Owner);

    public DateOnly DueOn { get; private set; }

    public ConditionStatus Status { get; private set; }

    public string CreatedById { get; private set; } = "";

    public string CreatedByName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public string? MetById { get; private set; }

    public string? MetByName { get; private set; }

    /// <summary>When it was confirmed met; null while open (a reopened condition loses it).</summary>
    public DateTime? MetAtUtc { get; private set; }

    /// <summary>Why it is not required after all; null unless waived.</summary>
    public string? WaiverReason { get; private set; }

    /// <summary>Every change of status and every file attached, oldest first.</summary>
    public IReadOnlyList<RemediationStep> History => _history.OrderBy(static s => s.Sequence).ToList();

    /// <summary>Files showing that it was met.</summary>
    public IReadOnlyList<FulfilmentEvidence> Evidence => _evidence;

    /// <summary>Still to be met: open or in progress.</summary>
    public bool IsOutstanding => RemediationFlow.IsOutstanding(Stage(Status));

    /// <summary>Not met or waived and due before <paramref name="today"/>; the one rule for "overdue" wherever it is shown or watched.</summary>
    public bool IsOverdueOn(DateOnly today) => RemediationFlow.IsOverdue(Stage(Status), DueOn, today);

    internal void Update(ConditionDetails details)
    {
        Description = Text.Required(details.Description, "Describe the contract condition.", 2000);
        DueOn = details.DueOn;
    }

    /// <summary>Makes the user the owner; <paramref name="ownerName"/> is how they are shown.</summary>
    internal void AssignTo(string ownerId, string ownerName) => (OwnerId, Owner) = OwnerWording.Checked(ownerId, ownerName);

    internal void SetStatus(ConditionStatus status, string? reason, Actor actor, DateTime nowUtc)
    {
        var (action, waiverReason) = RemediationFlow.Check($"condition “{Description}”", Stage(Status), Stage(status), reason, "met");
        Status = status;
        var met = status == ConditionStatus.Met;
        MetById = met ? actor.Id : null;
        MetByName = met ? actor.Name : null;
        MetAtUtc = met ? nowUtc : null;
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

    private static RemediationFlow.Stage Stage(ConditionStatus status) => status switch
    {
        ConditionStatus.Open => RemediationFlow.Stage.Open,
        ConditionStatus.InProgress => RemediationFlow.Stage.InProgress,
        ConditionStatus.Met => RemediationFlow.Stage.Done,
        ConditionStatus.Waived => RemediationFlow.Stage.Waived,
        _ => throw new DomainException($"“{status}” is not a status of a contract condition."),
    };
}
