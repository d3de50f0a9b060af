using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Suppliers;

/// <summary>A place where the supplier works on our products.</summary>
public sealed class Site
{
    private Site()
    {
    }

    public Site(CountryCode country, string city, SiteActivity activities)
    {
        Id = Guid.NewGuid();
        Update(country, city, activities);
    }

    public Guid Id { get; private set; }

    public CountryCode Country { get; private set; }

    public string City { get; private set; } = "";

    public SiteActivity Activities { get; private set; }

    internal void Update(CountryCode country, string city, SiteActivity activities)
    {
        Country = country;
        City = Text.Required(city, "A site needs its city.", 120);
        Activities = activities;
    }
}
