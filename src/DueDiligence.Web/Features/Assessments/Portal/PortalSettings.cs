namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalSettings
{
    public const string Section = "Portal";

    /// <summary>Days an invitation link keeps working after its deadline, for a supplier that is a little late.</summary>
    public int GraceDays { get; set; } = 7;
}
