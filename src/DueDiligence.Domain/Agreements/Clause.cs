using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Agreements;

/// <summary>
/// A clause of the library that administrators keep: what it is for, and in which kinds of agreement it is expected.
/// A clause is retired rather than deleted, so that the checklists that name it keep their meaning.
/// </summary>
public sealed class Clause
{
    private Clause()
    {
    }

    public Clause(string name, string purpose, AgreementKinds expectedIn, int order)
    {
        Id = Guid.CreateVersion7();
        Order = order;
        Update(name, purpose, expectedIn);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>What the clause must achieve, in a sentence a buyer understands.</summary>
    public string Purpose { get; private set; } = "";

    public AgreementKinds ExpectedIn { get; private set; }

    /// <summary>Position in the checklist.</summary>
    public int Order { get; private set; }

    /// <summary>Retired clauses are no longer expected in any agreement; checklist entries that name them stay.</summary>
    public bool Retired { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsExpectedIn(AgreementKind kind) => !Retired && ExpectedIn.Includes(kind);

    public void Update(string name, string purpose, AgreementKinds expectedIn)
    {
        Name = Text.Required(name, "Name the clause.", 120);
        Purpose = Text.Required(purpose, "Say what the clause must achieve.", 1000);
        ExpectedIn = expectedIn;
        Version = Guid.NewGuid();
    }

    public void Retire(bool retired)
    {
        Retired = retired;
        Version = Guid.NewGuid();
    }
}
