using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Sourcing;

/// <summary>Partner selection for one need: the candidate suppliers, the chosen partner and the memo that explains the choice.</summary>
public sealed class SourcingProject : IOwnedRecord
{
    private readonly List<SourcingCandidate> _candidates = [];
    private readonly List<SourcingCollaborator> _collaborators = [];

    private SourcingProject()
    {
    }

    public SourcingProject(string name, string need, string ownerId, string ownerName, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        Name = Text.Required(name, "Name the sourcing project.", 200);
        Need = Text.Required(need, "Describe the need, e.g. “injection-moulded housing, 50k units/yr”.", 2000);
        OwnerId = ownerId;
        OwnerName = ownerName;
        CreatedAtUtc = nowUtc;
        Status = SourcingStatus.Open;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Need { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public SourcingStatus Status { get; private set; }

    public Guid? ChosenSupplierId { get; private set; }

    public string? DecisionMemo { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Changes on every save; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<SourcingCandidate> Candidates => _candidates;

    /// <summary>The analysts who work on the project beside its owner.</summary>
    public IReadOnlyList<SourcingCollaborator> Collaborators => _collaborators;

    string IOwnedRecord.RecordName => $"“{Name}”";

    IReadOnlyList<Collaborator> IOwnedRecord.Team => _collaborators;

    /// <summary>Another analyst becomes the owner; the previous owner keeps no right to change the project.</summary>
    public void HandOver(string ownerId, string ownerName)
    {
        if (ownerId == OwnerId)
        {
            throw new DomainException($"{OwnerName} already owns “{Name}”.");
        }

        OwnerId = Text.Required(ownerId, "A sourcing project needs an owner.", 450);
        OwnerName = Text.Required(ownerName, "A sourcing project needs an owner.", 256);
        _collaborators.RemoveAll(c => c.UserId == ownerId);
        Version = Guid.NewGuid();
    }

    public void AddCollaborator(string userId, string name)
    {
        Collaborator.AddTo(_collaborators, new SourcingCollaborator(userId, name), this);
        Version = Guid.NewGuid();
    }

    public void RemoveCollaborator(string userId)
    {
        Collaborator.RemoveFrom(_collaborators, userId, this);
        Version = Guid.NewGuid();
    }

    public void Rename(string name, string need)
    {
        EnsureOpen();
        Name = Text.Required(name, "Name the sourcing project.", 200);
        Need = Text.Required(need, "Describe the need, e.g. “injection-moulded housing, 50k units/yr”.", 2000);
        Version = Guid.NewGuid();
    }

    public void AddCandidate(Guid supplierId, string addedByName, DateTime nowUtc)
    {
        EnsureOpen();
        if (_candidates.Any(c => c.SupplierId == supplierId))
        {
            throw new DomainException("This supplier is already a candidate of the project.");
        }

        _candidates.Add(new SourcingCandidate(supplierId, addedByName, nowUtc));
        Version = Guid.NewGuid();
    }

    public void RemoveCandidate(Guid supplierId)
    {
        EnsureOpen();
        var candidate = _candidates.FirstOrDefault(c => c.SupplierId == supplierId)
            ?? throw new DomainException("This supplier is not a candidate of the project.");
        _candidates.Remove(candidate);
        Version = Guid.NewGuid();
    }

    /// <summary>Records the chosen partner and the memo. An excluded candidate (unwaived knock-out) cannot be chosen.</summary>
    public void ChoosePartner(Guid supplierId, string memo, IReadOnlyList<RankedCandidate> ranking, string decidedByName, DateTime nowUtc)
    {
        EnsureOpen();
        var ranked = ranking.FirstOrDefault(r => r.SupplierId == supplierId);
        if (ranked is null || _candidates.All(c => c.SupplierId != supplierId))
        {
            throw new DomainException("Choose one of the project's candidates.");
        }

        if (ranked.Standing == CandidateStanding.Excluded)
        {
            throw new DomainException($"{ranked.SupplierName} is excluded by an unwaived knock-out ({string.Join(", ", ranked.KnockOuts)}) and cannot be chosen.");
        }

        if (ranked.Standing == CandidateStanding.NotAssessed)
        {
            throw new DomainException($"{ranked.SupplierName} has no assessment yet; assess it before choosing it.");
        }

        ChosenSupplierId = supplierId;
        DecisionMemo = Text.Required(memo, "Write the decision memo: why this partner, and on what conditions.", 8000);
        DecidedByName = decidedByName;
        DecidedAtUtc = nowUtc;
        Status = SourcingStatus.Decided;
        Version = Guid.NewGuid();
    }

    private void EnsureOpen()
    {
        if (Status == SourcingStatus.Decided)
        {
            throw new DomainException("The partner of this project has been chosen; the project is closed.");
        }
    }
}
