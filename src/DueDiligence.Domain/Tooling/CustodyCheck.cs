using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Tooling;

/// <summary>What the custody check needs to know of the supplier at whose site a tool is kept.</summary>
public sealed record SiteHolder(string SupplierName, SupplierStatus Status, DecisionOutcome? LatestDecision, bool SiteIsListed);

/// <summary>
/// The custody flag: a tool kept anywhere but in-house must be at a site the supplier still lists, and the supplier must
/// be approved (<see cref="SupplierApproval"/>). The flag says why in words; null means the place is in order.
/// </summary>
public static class CustodyCheck
{
    public static string? FlagFor(ToolPlace place, SiteHolder? holder)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (place.IsInHouse)
        {
            return null;
        }

        if (holder is null)
        {
            return "The supplier of this site is no longer in the register.";
        }

        if (!SupplierApproval.IsApproved(holder.Status, holder.LatestDecision))
        {
            return $"{holder.SupplierName} is not an approved supplier ({StatusText(holder.Status)}).";
        }

        return holder.SiteIsListed ? null : $"The site is no longer one of {holder.SupplierName}'s sites.";
    }

    private static string StatusText(SupplierStatus status) => status switch
    {
        SupplierStatus.Prospect => "a prospect, never assessed",
        SupplierStatus.UnderAssessment => "under its first assessment",
        SupplierStatus.Rejected => "rejected",
        SupplierStatus.Offboarded => "offboarded",
        _ => status.ToString(),
    };
}
