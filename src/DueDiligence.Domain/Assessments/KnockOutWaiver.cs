namespace DueDiligence.Domain.Assessments;

/// <summary>A legal reviewer's or the approver's reasoned waiver of one question's knock-out; waived knock-outs stay visible.</summary>
public sealed class KnockOutWaiver
{
    private KnockOutWaiver()
    {
    }

    internal KnockOutWaiver(string questionCode, string rationale, Actor actor, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        QuestionCode = questionCode;
        Rationale = rationale;
        WaivedById = actor.Id;
        WaivedByName = actor.Name;
        WaivedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public string QuestionCode { get; private set; } = "";

    public string Rationale { get; private set; } = "";

    public string WaivedById { get; private set; } = "";

    public string WaivedByName { get; private set; } = "";

    public DateTime WaivedAtUtc { get; private set; }
}
