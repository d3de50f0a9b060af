using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Agreements;

/// <summary>
/// An agreement that binds a supplier: who signed it (our entity and the supplier's contracting entity), when it runs,
/// which law governs it and where disputes are decided, its signed copy and its clause checklist.
/// </summary>
public sealed class Agreement
{
    private readonly List<ClauseCheck> _clauses = [];

    private Agreement()
    {
    }

    public Agreement(Guid supplierId, AgreementDetails details, string createdBy, DateOnly today, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        CreatedBy = createdBy;
        CreatedAtUtc = nowUtc;
        Update(details, today);
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public AgreementKind Kind { get; private set; }

    /// <summary>How people refer to it: "Mutual NDA 2026", "NNN for the HM-4 housing".</summary>
    public string Title { get; private set; } = "";

    /// <summary>Our company's entity that signed.</summary>
    public string OurEntity { get; private set; } = "";

    /// <summary>The supplier's entity that signed; not always the one that runs the sites.</summary>
    public string ContractingEntity { get; private set; } = "";

    public CountryCode ContractingEntityCountry { get; private set; }

    /// <summary>When the last party signed; null while unsigned.</summary>
    public DateOnly? SignedOn { get; private set; }

    public DateOnly? EffectiveOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public CountryCode? GoverningLaw { get; private set; }

    public ForumKind? Forum { get; private set; }

    /// <summary>The country of the courts, or of the arbitration seat.</summary>
    public CountryCode? ForumCountry { get; private set; }

    public SignedAgreementFile? SignedFile { get; private set; }

    public IReadOnlyList<ClauseCheck> Clauses => _clauses;

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Signed on or before <paramref name="day"/>.</summary>
    public bool IsSignedBy(DateOnly day) => SignedOn is { } signed && signed <= day;

    public void Update(AgreementDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.SignedOn > today)
        {
            throw new DomainException($"The signature date {details.SignedOn:yyyy-MM-dd} is in the future; record the agreement as unsigned until it is signed.");
        }

        if (details.EffectiveOn is { } from && details.ExpiresOn is { } to && to < from)
        {
            throw new DomainException($"The agreement expires on {to:yyyy-MM-dd}, before it takes effect on {from:yyyy-MM-dd}.");
        }

        if (details.Forum is not null != details.ForumCountry is not null)
        {
            throw new DomainException("Give both the kind of forum (courts or arbitration) and its country, or neither.");
        }

        Kind = details.Kind;
        Title = Text.Required(details.Title, "Give the agreement a title people know it by.", 200);
        OurEntity = Text.Required(details.OurEntity, "Name our entity that signed.", 200);
        ContractingEntity = Text.Required(details.ContractingEntity, "Name the supplier's entity that signed.", 200);
        ContractingEntityCountry = details.ContractingEntityCountry;
        SignedOn = details.SignedOn;
        EffectiveOn = details.EffectiveOn;
        ExpiresOn = details.ExpiresOn;
        GoverningLaw = details.GoverningLaw;
        Forum = details.Forum;
        ForumCountry = details.ForumCountry;
        Version = Guid.NewGuid();
    }

    /// <summary>Records what was found for a clause; a second check of the same clause replaces the first.</summary>
    public void CheckClause(Guid clauseId, ClauseStatus status, string? reference, string checkedBy, DateTime nowUtc)
    {
        var existing = _clauses.Find(c => c.ClauseId == clauseId);
        if (existing is null)
        {
            _clauses.Add(new ClauseCheck(clauseId, status, reference, checkedBy, nowUtc));
        }
        else
        {
            existing.Update(status, reference, checkedBy, nowUtc);
        }

        Version = Guid.NewGuid();
    }

    /// <summary>Attaches the signed copy; a new copy replaces the reference to the old one (the old file stays in the store).</summary>
    public void AttachSignedFile(SignedAgreementFile file)
    {
        SignedFile = file ?? throw new ArgumentNullException(nameof(file));
        Version = Guid.NewGuid();
    }
}
