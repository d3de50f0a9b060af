using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Suppliers;

/// <summary>A company the supplier passes work (and possibly our IP) to.</summary>
public sealed class Subcontractor
{
    private Subcontractor()
    {
    }

    public Subcontractor(string name, CountryCode country, string activity, SubcontractorIpHandling ipHandling = SubcontractorIpHandling.NotConfirmed)
    {
        if (!Enum.IsDefined(ipHandling))
        {
            throw new DomainException("Say whether the subcontractor handles our IP, or leave it not confirmed.");
        }

        Id = Guid.NewGuid();
        Name = Text.Required(name, "A subcontractor needs its name.", 200);
        Country = country;
        Activity = Text.Required(activity, "Say what the subcontractor does for the supplier.", 200);
        IpHandling = ipHandling;
    }

    /// <summary>
    /// The answers under which a subcontractor's country counts in the worst J (SCORING.md §5, policy 2026.2): it handles our
    /// IP, or nobody has confirmed that it does not. A list, so that database queries apply the same rule.
    /// </summary>
    public static IReadOnlyList<SubcontractorIpHandling> CountedInJurisdiction { get; } =
        [SubcontractorIpHandling.NotConfirmed, SubcontractorIpHandling.HandlesOurIp];

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public CountryCode Country { get; private set; }

    public string Activity { get; private set; } = "";

    /// <summary>Whether it handles our IP; existing subcontractors start <see cref="SubcontractorIpHandling.NotConfirmed"/>.</summary>
    public SubcontractorIpHandling IpHandling { get; private set; }

    /// <summary>Its country counts in the supplier's worst jurisdiction risk (<see cref="CountedInJurisdiction"/>).</summary>
    public bool CountsInJurisdiction => CountedInJurisdiction.Contains(IpHandling);

    /// <summary>Why the country counts or not, in words: "handles our IP", "not confirmed — counted as handling our IP", "does not handle our IP".</summary>
    public string IpHandlingText => IpHandling switch
    {
        SubcontractorIpHandling.HandlesOurIp => "handles our IP",
        SubcontractorIpHandling.DoesNotHandleOurIp => "does not handle our IP",
        _ => "not confirmed — counted as handling our IP",
    };
}
