using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Suppliers;

/// <summary>A company the supplier passes work (and possibly our IP) to.</summary>
public sealed class Subcontractor
{
    private Subcontractor()
    {
    }

    public Subcontractor(string name, CountryCode country, string activity)
    {
        Id = Guid.NewGuid();
        Name = Text.Required(name, "A subcontractor needs its name.", 200);
        Country = country;
        Activity = Text.Required(activity, "Say what the subcontractor does for the supplier.", 200);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public CountryCode Country { get; private set; }

    public string Activity { get; private set; } = "";
}
