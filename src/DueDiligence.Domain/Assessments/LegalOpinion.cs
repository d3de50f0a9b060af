namespace DueDiligence.Domain.Assessments;

/// <summary>Legal's overall opinion, given when it forwards the assessment for a decision; the approver reads it first.</summary>
public sealed class LegalOpinion
{
    /// <summary>Long enough for a reasoned opinion, short enough to read before deciding.</summary>
    public const int MaxLength = 4000;

    private LegalOpinion()
    {
    }

    internal LegalOpinion(string text, Actor actor, DateTime atUtc)
    {
        Text = text;
        ById = actor.Id;
        ByName = actor.Name;
        AtUtc = atUtc;
    }

    public string Text { get; private set; } = "";

    public string ById { get; private set; } = "";

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}
