using System.Globalization;
using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.IpRights;

/// <summary>
/// A gap of the rights matrix in plain words: what is missing where, the country's trademark rule for trademarks, and the
/// cheapest route the treaty data supports, always with the data's source and year. Blank data reads "unknown", never "no".
/// </summary>
public static class GapWording
{
    public static string Describe(IpRight right, IReadOnlyList<string> protects, CountryCode country, RightStatus status, CountryTreaties? treaties, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(right);
        var sentences = new List<string> { $"{Subject(right, protects)} {StatusPhrase(right, country, status, today)}." };
        if (IpRightKinds.IsTrademark(right.Kind))
        {
            sentences.Add(TrademarkRule(country, treaties));
        }

        if (IpRightKinds.Route(right.Kind) is { } route)
        {
            sentences.Add(Route(route, country, treaties));
        }

        return string.Join(" ", sentences);
    }

    /// <summary>A right that has expired in every country where it was registered.</summary>
    public static string Lapsed(IpRight right, IReadOnlyList<string> protects, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(right);
        var where = string.Join(", ", right.Countries.OrderBy(c => c.Country.Name, StringComparer.Ordinal)
            .Select(c => c.ExpiresOn is { } end && end <= today ? $"{c.Country.Name} on {Date(end)}" : c.Country.Name));
        return $"{Subject(right, protects)} has expired everywhere it was registered ({where}): it protects nothing in any country any more.";
    }

    private static string Subject(IpRight right, IReadOnlyList<string> protects)
    {
        var variant = right.Kind switch
        {
            IpRightKind.TrademarkWord => " (word mark)",
            IpRightKind.TrademarkLogo => " (logo)",
            IpRightKind.TrademarkLocalScript => " (local-script version)",
            _ => "",
        };
        var what = protects.Count == 0 ? "" : $", which protects {string.Join(" and ", protects)},";
        return $"Our {IpRightKinds.Noun(right.Kind)} “{right.Title}”{variant}{what}";
    }

    private static string StatusPhrase(IpRight right, CountryCode country, RightStatus status, DateOnly today)
    {
        var entry = right.In(country);
        return status switch
        {
            RightStatus.Filed => $"is filed but not yet registered in {country.Name}{(entry?.FiledOn is { } filed ? $" (filed {Date(filed)})" : "")}",
            RightStatus.Expired => $"has expired in {country.Name}{(entry?.ExpiresOn is { } end && end <= today ? $" (on {Date(end)})" : "")}",
            _ => $"is not registered in {country.Name}",
        };
    }

    private static string TrademarkRule(CountryCode country, CountryTreaties? treaties)
    {
        var value = treaties?.Value(TreatyFact.TrademarkFirstToFile);
        return (value?.Reading.Yes) switch
        {
            true => $"{country.Name} registers trademarks first-to-file: whoever files first owns the mark there ({value!.Citation}).",
            false => $"{country.Name} grants trademark rights from first use rather than filing ({value!.Citation}); registration is still the surer proof.",
            _ => $"Whether {country.Name} registers trademarks first-to-file is unknown: the reference data has no source for it.",
        };
    }

    private static string Route(TreatyFact route, CountryCode country, CountryTreaties? treaties)
    {
        var value = treaties?.Value(route);
        var name = TreatyFacts.Short(route);
        var reading = value?.Reading ?? TreatyReading.Unknown;
        if (reading.Yes is null)
        {
            return $"Whether {country.Name} is a {name} member is unknown (not in the reference data): ask counsel for the route.";
        }

        if (reading.Yes is false)
        {
            return $"{country.Name} is not a {name} member ({value!.Citation}): file nationally.";
        }

        var since = reading.Since is { } year ? $" since {year.ToString(CultureInfo.InvariantCulture)}" : "";
        var how = route switch
        {
            TreatyFact.MadridProtocol => "designate it through the Madrid Protocol",
            TreatyFact.HagueGenevaAct => "designate it through the Hague system",
            _ => "enter the PCT national phase, if the PCT application is still within 30 months of its priority date",
        };
        return $"Cheapest route: {how} ({country.Name} a {name} member{since}; {value!.Citation}).";
    }

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
