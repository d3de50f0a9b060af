using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.IpRights;

/// <summary>One of our IP rights: what it is, who holds it, where it stands in each country and which IP asset kinds it protects.</summary>
public sealed class IpRight
{
    private readonly List<IpRightCountry> _countries = [];

    private IpRight()
    {
    }

    public IpRight(IpRightDetails details, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        CreatedAtUtc = nowUtc;
        Update(details, nowUtc);
    }

    public Guid Id { get; private set; }

    public IpRightKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The application or registration number (or an internal reference for a trade secret).</summary>
    public string? Number { get; private set; }

    /// <summary>Our legal entity that holds the right.</summary>
    public string OwnerEntity { get; private set; } = "";

    /// <summary>The IP asset kinds of the suppliers' exposure profiles that this right protects.</summary>
    public List<IpAssetCategory> Protects { get; private set; } = [];

    public IReadOnlyList<IpRightCountry> Countries => _countries;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Changes on every save; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IpRightCountry? In(CountryCode country) => _countries.FirstOrDefault(c => c.Country == country);

    /// <summary>The status in a country on a day; a country not listed is not filed.</summary>
    public RightStatus StatusIn(CountryCode country, DateOnly today) => In(country)?.StatusOn(today) ?? RightStatus.NotFiled;

    public void Update(IpRightDetails details, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        Title = Text.Required(details.Title, "Give the right a title, e.g. the mark or the invention's name.", 200);
        Number = Text.Optional(details.Number, 60);
        OwnerEntity = Text.Required(details.OwnerEntity, "Name our entity that holds the right.", 200);
        if (details.Protects.Count == 0)
        {
            throw new DomainException($"Choose at least one kind of IP that “{Title}” protects.");
        }

        var duplicate = details.Countries.GroupBy(c => c.Country).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException($"{duplicate.Key.Name} is listed twice for “{Title}”: keep one line per country.");
        }

        if (!IpRightKinds.IsRegistered(details.Kind) && details.Countries.Any(c => c.Status is RightStatus.Filed or RightStatus.Registered))
        {
            throw new DomainException($"A {IpRightKinds.Noun(details.Kind)} is not filed or registered with an office: leave its countries empty.");
        }

        Kind = details.Kind;
        Protects = [.. details.Protects.Distinct().Order()];
        _countries.Clear();
        _countries.AddRange(details.Countries.Select(c => new IpRightCountry(c.Country, c.Status, c.FiledOn, c.RegisteredOn, c.ExpiresOn)));
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    public IpRightDetails ToDetails() => new(
        Kind, Title, Number, OwnerEntity, Protects,
        [.. _countries.Select(c => new IpRightCountryDetails(c.Country, c.Status, c.FiledOn, c.RegisteredOn, c.ExpiresOn))]);
}
