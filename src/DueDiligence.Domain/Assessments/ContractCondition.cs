using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>A condition the contract with the supplier must meet (e.g. an NDA signed before tooling is shipped), with owner and due date.</summary>
public sealed class ContractCondition
{
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

    /// <summary>The person or team who must see the condition met.</summary>
    public string Owner { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public ConditionStatus Status { get; private set; }

    public string CreatedById { get; private set; } = "";

    public string CreatedByName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public string? MetById { get; private set; }

    public string? MetByName { get; private set; }

    /// <summary>When it was confirmed met; null while open (a reopened condition loses it).</summary>
    public DateTime? MetAtUtc { get; private set; }

    internal void Update(ConditionDetails details)
    {
        Description = Text.Required(details.Description, "Describe the contract condition.", 2000);
        Owner = Text.Required(details.Owner, "Name the owner of the condition: the person or team who must see it met.", 200);
        DueOn = details.DueOn;
    }

    internal void SetStatus(ConditionStatus status, Actor actor, DateTime nowUtc)
    {
        if (Status == status)
        {
            throw new DomainException($"The condition “{Description}” is already {status.ToString().ToLowerInvariant()}.");
        }

        Status = status;
        var met = status == ConditionStatus.Met;
        MetById = met ? actor.Id : null;
        MetByName = met ? actor.Name : null;
        MetAtUtc = met ? nowUtc : null;
    }
}
