using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>The signed-in user who does something to an assessment, as recorded in its "by" fields.</summary>
public sealed record Actor
{
    public Actor(string id, string name)
    {
        Id = Text.Required(id, "Every change to an assessment needs the id of the user who makes it.", 450);
        Name = Text.Required(name, "Every change to an assessment needs the name of the user who makes it.", 256);
    }

    public string Id { get; }

    public string Name { get; }
}
