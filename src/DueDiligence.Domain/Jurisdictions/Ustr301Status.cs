namespace DueDiligence.Domain.Jurisdictions;

/// <summary>A country's standing in the USTR Special 301 report on IP protection.</summary>
public enum Ustr301Status
{
    NotListed,
    WatchList,
    PriorityWatchList,
    PriorityForeignCountry,
}
