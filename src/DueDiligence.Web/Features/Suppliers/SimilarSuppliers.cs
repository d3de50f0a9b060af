using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>How a supplier in the register resembles the one being entered.</summary>
public enum NameMatch
{
    /// <summary>The same name (<see cref="LegalNames.Key"/>) in the same HQ country: saving is refused.</summary>
    Duplicate,

    /// <summary>The same name without its legal form, or the same name in another country: maybe the same company.</summary>
    SameName,

    /// <summary>A name a typo or two away, or the same words in another order.</summary>
    SimilarName,
}

/// <summary>A supplier of the register whose name resembles the one being entered, with a link target.</summary>
public sealed record SimilarSupplier(Guid Id, string LegalName, CountryCode HqCountry, NameMatch Match)
{
    public bool IsDuplicate => Match == NameMatch.Duplicate;

    /// <summary>Why it is listed, in a few words.</summary>
    public string Reason => Match switch
    {
        NameMatch.Duplicate => "the same name in the same country",
        NameMatch.SameName => "the same name",
        _ => "a similar name",
    };
}

/// <summary>
/// A supplier's name and HQ country as the duplicate check compares them: a supplier of the register with the key and
/// stem stored with it (<see cref="Supplier.MatchKey"/>), or the name being entered, folded here.
/// </summary>
internal sealed record NamedSupplier(Guid Id, string LegalName, CountryCode HqCountry, string Key, string Stem)
{
    public static NamedSupplier Entered(string legalName, CountryCode hqCountry)
    {
        var (key, stem) = LegalNames.KeyAndStem(legalName);
        return new NamedSupplier(Guid.Empty, legalName, hqCountry, key, stem);
    }
}

/// <summary>Finds the suppliers of a register that a new or renamed supplier may duplicate.</summary>
internal static class SimilarSupplierSearch
{
    /// <summary>The closest matches first (duplicates, then same names, then similar ones), at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<SimilarSupplier> Find(string legalName, CountryCode? hqCountry, IEnumerable<NamedSupplier> register, int limit = 5)
    {
        if (string.IsNullOrWhiteSpace(legalName))
        {
            return [];
        }

        var entered = NamedSupplier.Entered(legalName, hqCountry ?? default);
        var alike = new SimilarStems(entered.Stem);
        return register
            .Select(s => (Supplier: s, Match: Compare(entered, hqCountry, alike, s)))
            .Where(m => m.Match is not null)
            .OrderBy(m => m.Match).ThenBy(m => m.Supplier.LegalName, StringComparer.CurrentCultureIgnoreCase)
            .Take(limit)
            .Select(m => new SimilarSupplier(m.Supplier.Id, m.Supplier.LegalName, m.Supplier.HqCountry, m.Match!.Value))
            .ToList();
    }

    /// <summary>
    /// Whether <see cref="Find"/> may list a supplier with this stored stem (<see cref="Supplier.MatchStem"/>) for the name:
    /// a supplier with the same key has the same stem, so the stems alone tell which suppliers to read.
    /// </summary>
    public static Func<string, bool> MayList(string legalName)
    {
        var stem = LegalNames.Stem(legalName);
        var alike = new SimilarStems(stem);
        return other => other == stem || alike.Includes(other);
    }

    private static NameMatch? Compare(NamedSupplier entered, CountryCode? country, SimilarStems alike, NamedSupplier other)
    {
        if (entered.Key == other.Key)
        {
            return country == other.HqCountry ? NameMatch.Duplicate : NameMatch.SameName;
        }

        if (entered.Stem == other.Stem)
        {
            return NameMatch.SameName;
        }

        return alike.Includes(other.Stem) ? NameMatch.SimilarName : null;
    }
}
