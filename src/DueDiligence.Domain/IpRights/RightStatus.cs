namespace DueDiligence.Domain.IpRights;

/// <summary>Where a right stands in one country.</summary>
public enum RightStatus
{
    NotFiled,
    Filed,
    Registered,
    Expired,
}

/// <summary>The statuses in words.</summary>
public static class RightStatuses
{
    /// <summary>"Not filed", "Filed", "Registered", "Expired".</summary>
    public static string Label(RightStatus status) => status == RightStatus.NotFiled ? "Not filed" : status.ToString();
}
