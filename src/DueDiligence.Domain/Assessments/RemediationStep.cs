using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>Who did what to a contract condition or a finding, and when: its follow-up history, oldest first.</summary>
public sealed class RemediationStep
{
    private RemediationStep()
    {
    }

    internal RemediationStep(int sequence, RemediationAction action, string? note, Actor actor, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Sequence = sequence;
        Action = action;
        Note = Text.Optional(note, 2000);
        ById = actor.Id;
        ByName = actor.Name;
        AtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the item's first step, then 2, 3…: the order of steps taken at the same moment (a file attached, then the item met).</summary>
    public int Sequence { get; private set; }

    public RemediationAction Action { get; private set; }

    /// <summary>The reason of a waiver, or the name of an attached file.</summary>
    public string? Note { get; private set; }

    public string ById { get; private set; } = "";

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}
