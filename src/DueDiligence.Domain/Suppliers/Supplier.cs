using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Suppliers;

/// <summary>A candidate or current overseas supplier: who it is, where it works, and which of our IP it would hold.</summary>
public sealed class Supplier : IOwnedRecord
{
    private readonly List<Site> _sites = [];
    private readonly List<Subcontractor> _subcontractors = [];
    private readonly List<Contact> _contacts = [];
    private readonly List<ExposureItem> _exposure = [];
    private readonly List<SupplierCollaborator> _collaborators = [];

    private Supplier()
    {
    }

    public Supplier(SupplierProfile profile, string ownerId, string ownerName, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        Status = SupplierStatus.Prospect;
        CreatedAtUtc = nowUtc;
        AssignOwner(ownerId, ownerName);
        UpdateProfile(profile, nowUtc);
    }

    public Guid Id { get; private set; }

    public string LegalName { get; private set; } = "";

    /// <summary>The legal name folded for comparison: upper case, single spaces. Two suppliers in one country may not share it.</summary>
    public string LegalNameKey { get; private set; } = "";

    /// <summary>
    /// The legal name as the duplicate check compares it (<see cref="LegalNames.Key"/>: accents, punctuation and the
    /// spelling of the legal form folded too), stored so that a check reads it instead of folding the register.
    /// </summary>
    public string MatchKey { get; private set; } = "";

    /// <summary>The <see cref="MatchKey"/> without the legal form (<see cref="LegalNames.Stem"/>), for names that are only similar.</summary>
    public string MatchStem { get; private set; } = "";

    public string? RegistrationNumber { get; private set; }

    public string? Duns { get; private set; }

    public string? Lei { get; private set; }

    public string? VatNumber { get; private set; }

    public CountryCode HqCountry { get; private set; }

    public SupplierCategory Category { get; private set; }

    public string? Website { get; private set; }

    public string? Description { get; private set; }

    public string OwnerId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public SupplierStatus Status { get; private set; }

    /// <summary>The tier of the latest decided assessment; null until one is decided.</summary>
    public RiskTier? LatestTier { get; private set; }

    /// <summary>The residual risk R of the latest decided assessment.</summary>
    public double? LatestResidualRisk { get; private set; }

    public DateOnly? ReassessmentDueOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Changes on every save; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The analysts who work on the supplier beside its owner.</summary>
    public IReadOnlyList<SupplierCollaborator> Collaborators => _collaborators;

    string IOwnedRecord.RecordName => LegalName;

    IReadOnlyList<Collaborator> IOwnedRecord.Team => _collaborators;

    public IReadOnlyList<Site> Sites => _sites;

    public IReadOnlyList<Subcontractor> Subcontractors => _subcontractors;

    public IReadOnlyList<Contact> Contacts => _contacts;

    public IReadOnlyList<ExposureItem> Exposure => _exposure;

    /// <summary>The highest sensitivity of the IP we would share; 0 when we share none.</summary>
    public int MaxSensitivity => _exposure.Count == 0 ? 0 : _exposure.Max(e => e.Sensitivity);

    /// <summary>
    /// The countries where our IP is exposed, whose worst jurisdiction risk J counts (SCORING.md §5, policy 2026.2): the HQ,
    /// every site, and every subcontractor that handles our IP or is not confirmed not to. HQ first, each once.
    /// </summary>
    public IReadOnlyList<CountryCode> ExposureCountries() => ExposureSources().Select(s => s.Country).Distinct().ToList();

    /// <summary>Why each country of <see cref="ExposureCountries"/> counts: the HQ, each site, each subcontractor counted, in that order.</summary>
    public IReadOnlyList<ExposureSource> ExposureSources() =>
    [
        new(HqCountry, "HQ"),
        .. _sites.Select(s => new ExposureSource(s.Country, $"site: {s.City}")),
        .. _subcontractors.Where(s => s.CountsInJurisdiction)
            .Select(s => new ExposureSource(s.Country, $"subcontractor {s.Name} — {s.Activity} — {s.IpHandlingText}")),
    ];

    /// <summary>Subcontractors nobody has yet said handle our IP or not: a to-do for the owner, counted as handling it meanwhile.</summary>
    public IReadOnlyList<Subcontractor> UnconfirmedSubcontractors() =>
        _subcontractors.Where(s => s.IpHandling == SubcontractorIpHandling.NotConfirmed).ToList();

    public void UpdateProfile(SupplierProfile profile, DateTime nowUtc)
    {
        LegalName = Text.Required(profile.LegalName, "Enter the supplier's legal name.", 200);
        LegalNameKey = KeyOf(LegalName);
        (MatchKey, MatchStem) = LegalNames.KeyAndStem(LegalName);
        RegistrationNumber = Text.Optional(profile.RegistrationNumber, 60);
        Duns = Text.Optional(profile.Duns, 9);
        Lei = Text.Optional(profile.Lei, 20);
        VatNumber = Text.Optional(profile.VatNumber, 30);
        HqCountry = profile.HqCountry;
        Category = profile.Category;
        Website = Text.Optional(profile.Website, 300);
        Description = Text.Optional(profile.Description, 2000);
        Touch(nowUtc);
    }

    public void AssignOwner(string ownerId, string ownerName)
    {
        OwnerId = Text.Required(ownerId, "A supplier needs an owner.", 450);
        OwnerName = Text.Required(ownerName, "A supplier needs an owner.", 256);
    }

    /// <summary>Another analyst becomes the owner; the previous owner keeps no right to edit.</summary>
    public void HandOver(string ownerId, string ownerName, DateTime nowUtc)
    {
        if (ownerId == OwnerId)
        {
            throw new DomainException($"{OwnerName} already owns {LegalName}.");
        }

        AssignOwner(ownerId, ownerName);
        _collaborators.RemoveAll(c => c.UserId == ownerId);
        Touch(nowUtc);
    }

    public void AddCollaborator(string userId, string name, DateTime nowUtc)
    {
        Collaborator.AddTo(_collaborators, new SupplierCollaborator(userId, name), this);
        Touch(nowUtc);
    }

    public void RemoveCollaborator(string userId, DateTime nowUtc)
    {
        Collaborator.RemoveFrom(_collaborators, userId, this);
        Touch(nowUtc);
    }

    public void ReplaceSites(IEnumerable<Site> sites, DateTime nowUtc) => Replace(_sites, sites, nowUtc);

    public void ReplaceSubcontractors(IEnumerable<Subcontractor> subcontractors, DateTime nowUtc) => Replace(_subcontractors, subcontractors, nowUtc);

    public void ReplaceContacts(IEnumerable<Contact> contacts, DateTime nowUtc) => Replace(_contacts, contacts, nowUtc);

    public void ReplaceExposure(IEnumerable<ExposureItem> exposure, DateTime nowUtc)
    {
        var items = exposure.ToList();
        var repeated = items.GroupBy(e => e.Category).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new DomainException($"{repeated.Key} is listed twice in the IP exposure profile; keep one entry per kind of asset.");
        }

        Replace(_exposure, items, nowUtc);
    }

    /// <summary>An assessment has started: the supplier is under assessment until it is decided.</summary>
    public void StartAssessment(DateTime nowUtc)
    {
        if (Status == SupplierStatus.Offboarded)
        {
            throw new DomainException($"{LegalName} is offboarded; reactivate it before assessing it again.");
        }

        Status = SupplierStatus.UnderAssessment;
        Touch(nowUtc);
    }

    /// <summary>An executive decided an assessment: status, latest tier and the reassessment due date follow it.</summary>
    public void RecordDecision(SupplierStatus outcome, RiskTier tier, double residualRisk, DateOnly reassessmentDueOn, DateTime nowUtc)
    {
        if (outcome is not (SupplierStatus.Approved or SupplierStatus.ApprovedWithConditions or SupplierStatus.Rejected))
        {
            throw new DomainException("A decision approves, approves with conditions or rejects.");
        }

        Status = outcome;
        LatestTier = tier;
        LatestResidualRisk = residualRisk;
        ReassessmentDueOn = outcome == SupplierStatus.Rejected ? null : reassessmentDueOn;
        Touch(nowUtc);
    }

    /// <summary>The statuses an analyst may set by hand; the others follow assessments and decisions.</summary>
    public IReadOnlyList<SupplierStatus> ManualTransitions() => Status switch
    {
        SupplierStatus.Offboarded => [SupplierStatus.Prospect],
        SupplierStatus.UnderAssessment => [SupplierStatus.Prospect, SupplierStatus.Offboarded],
        _ => [SupplierStatus.Offboarded],
    };

    public void ChangeStatus(SupplierStatus target, DateTime nowUtc)
    {
        if (target == Status)
        {
            return;
        }

        if (!ManualTransitions().Contains(target))
        {
            throw new DomainException($"A supplier cannot go from {Status} to {target} by hand; approval and rejection come from a decided assessment.");
        }

        Status = target;
        Touch(nowUtc);
    }

    /// <summary>The comparison key of a legal name; see <see cref="LegalNameKey"/>.</summary>
    public static string KeyOf(string legalName) =>
        string.Join(' ', legalName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private void Replace<T>(List<T> list, IEnumerable<T> items, DateTime nowUtc)
    {
        list.Clear();
        list.AddRange(items);
        Touch(nowUtc);
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }
}
