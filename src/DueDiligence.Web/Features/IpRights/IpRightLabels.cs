using DueDiligence.Domain.IpRights;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>Rights, statuses and treaty values in words for the pages and the report.</summary>
public static class IpRightLabels
{
    public static string Status(RightStatus status) => RightStatuses.Label(status).ToLowerInvariant();

    /// <summary>"CN registered 2021-03-01", "VN filed 2025-01-01", "DE expired 2024-01-05".</summary>
    public static string CountryStatus(IpRightCountry entry, DateOnly today)
    {
        var status = entry.StatusOn(today);
        var date = status switch
        {
            RightStatus.Registered => entry.RegisteredOn,
            RightStatus.Filed => entry.FiledOn,
            RightStatus.Expired => entry.ExpiresOn,
            _ => null,
        };
        return $"{entry.Country.Value} {Status(status)}{(date is { } d ? " " + IsoDates.Day(d) : "")}";
    }
}
