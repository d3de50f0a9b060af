using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>A legal finding about the supplier: how serious it is, what to do about it, who owns it and by when.</summary>
public sealed class Finding
{
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

    /// <summary>The person or team who must act on it.</summary>
    public string Owner { get; private set; } = "";

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

    internal void Update(FindingDetails details)
    {
        if (!Enum.IsDefined(details.Severity))
        {
            throw new DomainException("Choose the finding's severity: Low, Medium, High or Critical.");
        }

        Severity = details.Severity;
        Description = Text.Required(details.Description, "Describe the finding.", 2000);
        RecommendedMitigation = Text.Optional(details.RecommendedMitigation, 2000);
        Owner = Text.Required(details.Owner, "Name the owner of the finding: the person or team who must act on it.", 200);
        DueOn = details.DueOn;
        QuestionCode = Text.Optional(details.QuestionCode, 100);
    }

    internal void SetStatus(FindingStatus status, Actor actor, DateTime nowUtc)
    {
        if (Status == status)
        {
            throw new DomainException($"The finding “{Description}” is already {status.ToString().ToLowerInvariant()}.");
        }

        Status = status;
        var resolved = status == FindingStatus.Resolved;
        ResolvedById = resolved ? actor.Id : null;
        ResolvedByName = resolved ? actor.Name : null;
        ResolvedAtUtc = resolved ? nowUtc : null;
    }
}
