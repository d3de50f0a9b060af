using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.IpRights;

/// <summary>One country of a right: its status there and its dates.</summary>
public sealed class IpRightCountry
{
    private IpRightCountry()
    {
    }

    public IpRightCountry(CountryCode country, RightStatus status, DateOnly? filedOn, DateOnly? registeredOn, DateOnly? expiresOn)
    {
        if (status == RightStatus.Registered && registeredOn is null)
        {
            throw new DomainException($"Give the date the right was registered in {country.Name}.");
        }

        if (filedOn is { } filed && registeredOn is { } registered && registered < filed)
        {
            throw new DomainException($"In {country.Name} the registration date is before the filing date.");
        }

        if (registeredOn is { } start && expiresOn is { } end && end <= start)
        {
            throw new DomainException($"In {country.Name} the expiry date must come after the registration date.");
        }

        Id = Guid.NewGuid();
        Country = country;
        Status = status;
        FiledOn = filedOn;
        RegisteredOn = registeredOn;
        ExpiresOn = expiresOn;
    }

    public Guid Id { get; private set; }

    public CountryCode Country { get; private set; }

    public RightStatus Status { get; private set; }

    public DateOnly? FiledOn { get; private set; }

    public DateOnly? RegisteredOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>The status on a day: a registration past its expiry date is expired, whatever was recorded.</summary>
    public RightStatus StatusOn(DateOnly today) =>
        Status == RightStatus.Registered && ExpiresOn is { } end && end <= today ? RightStatus.Expired : Status;
}
