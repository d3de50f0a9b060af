namespace DueDiligence.Domain.IpRights;

/// <summary>Where a right stands in one country.</summary>
public enum RightStatus
{
    NotFiled,
    Filed,
    Registered,
    Expired,
}
