using System.Globalization;
using System.Text;

namespace DueDiligence.Domain.Suppliers;

/// <summary>
/// How the register tells whether two legal names name the same company. Case, accents, punctuation, extra spaces and
/// the spelling of the legal form do not count: "Saigon Precision Mouldings Pte. Ltd." and "saigon precision mouldings
/// PTE LTD" have one <see cref="Key"/>. The <see cref="Stem"/> also leaves the legal form out ("Acme GmbH" and "Acme AG"
/// share it), and <see cref="AreSimilar"/> finds near-duplicates ("…Moulding" beside "…Mouldings"; <see cref="SimilarStems"/>).
/// </summary>
public static class LegalNames
{
    /// <summary>
    /// The longest key or stem: folding can lengthen a name of 200 characters ("ß" is "SS", "A&amp;B" is "A &amp; B"); the
    /// rare longer one is cut here, for the stored and the entered name alike (<c>Supplier.MatchKey</c>).
    /// </summary>
    public const int MaxLength = 400;

    /// <summary>Every spelling of a legal form, by its words after <see cref="Words"/>, and the form it stands for.</summary>
    private static readonly (string[] Words, string Form)[] Phrases = Compile(
    [
        ("SOCIEDAD ANONIMA DE CAPITAL VARIABLE", "SA DE CV"),
        ("SA DE CV", "SA DE CV"),
        ("S A DE C V", "SA DE CV"),
        ("S DE RL DE CV", "S DE RL DE CV"),
        ("SPOLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA", "SP Z OO"),
        ("SP Z OO", "SP Z OO"),
        ("SP ZOO", "SP Z OO"),
        ("SPZOO", "SP Z OO"),
        ("GESELLSCHAFT MIT BESCHRANKTER HAFTUNG", "GMBH"),
        ("GMBH & CO KG", "GMBH & CO KG"),
        ("GMBH AND CO KG", "GMBH & CO KG"),
        ("LIMITED LIABILITY COMPANY", "LLC"),
        ("LIMITED LIABILITY PARTNERSHIP", "LLP"),
        ("JOINT STOCK COMPANY", "JSC"),
        ("PUBLIC LIMITED COMPANY", "PLC"),
        ("SENDIRIAN BERHAD", "SDN BHD"),
        ("SDN BHD", "SDN BHD"),
        ("PRIVATE LIMITED", "PTE LTD"),
        ("PTE LTD", "PTE LTD"),
        ("PVT LTD", "PTE LTD"),
        ("PTY LTD", "PTY LTD"),
        ("PROPRIETARY LIMITED", "PTY LTD"),
        ("CO LTD", "CO LTD"),
        ("COMPANY LIMITED", "CO LTD"),
        ("SOCIEDAD ANONIMA", "SA"),
        ("SOCIEDADE ANONIMA", "SA"),
        ("SOCIETE ANONYME", "SA"),
        ("ANONIM SIRKETI", "AS"),
        ("KABUSHIKI KAISHA", "KK"),
        ("SPOLECNOST S RUCENIM OMEZENYM", "SRO"),
        ("S A", "SA"),
        ("A S", "AS"),
        ("LIMITED", "LTD"),
        ("LTD", "LTD"),
        ("LIMITADA", "LTDA"),
        ("LTDA", "LTDA"),
        ("COMPANY", "CO"),
        ("CO", "CO"),
        ("CORPORATION", "CORP"),
        ("CORP", "CORP"),
        ("INCORPORATED", "INC"),
        ("INC", "INC"),
        ("PRIVATE", "PTE"),
        ("PTE", "PTE"),
        ("PVT", "PTE"),
        ("PTY", "PTY"),
        ("SDN", "SDN"),
        ("BHD", "BHD"),
        ("BERHAD", "BHD"),
        ("LLC", "LLC"),
        ("LLP", "LLP"),
        ("JSC", "JSC"),
        ("PLC", "PLC"),
        ("GMBH", "GMBH"),
        ("AG", "AG"),
        ("AKTIENGESELLSCHAFT", "AG"),
        ("KG", "KG"),
        ("SA", "SA"),
        ("AS", "AS"),
        ("SAS", "SAS"),
        ("SARL", "SARL"),
        ("SRL", "SRL"),
        ("SPA", "SPA"),
        ("SRO", "SRO"),
        ("BV", "BV"),
        ("NV", "NV"),
        ("AB", "AB"),
        ("OY", "OY"),
        ("APS", "APS"),
        ("KFT", "KFT"),
        ("KK", "KK"),
        ("TNHH", "TNHH"),
        ("&", "&"),
        ("AND", "&"),
    ]);

    /// <summary>The legal forms, which <see cref="Stem"/> drops from the end of a name.</summary>
    private static readonly HashSet<string> Forms = [.. Phrases.Select(p => p.Form).Where(f => f != "&")];

    /// <summary>Letters that do not decompose into a base letter and an accent.</summary>
    private static readonly Dictionary<char, string> Folded = new()
    {
        ['Ł'] = "L",
        ['Ø'] = "O",
        ['Đ'] = "D",
        ['Ð'] = "D",
        ['Þ'] = "TH",
        ['Æ'] = "AE",
        ['Œ'] = "OE",
        ['ß'] = "SS",
        ['ẞ'] = "SS",
    };

    /// <summary>
    /// The comparison key: upper case without accents, punctuation or extra spaces, each legal form spelled one way.
    /// Two suppliers with one key in one HQ country are one supplier.
    /// </summary>
    public static string Key(string legalName) => Cut(string.Join(' ', Canonical(legalName)));

    /// <summary>The <see cref="Key"/> without the legal form at its end and without a leading "THE": the name the company is known by.</summary>
    public static string Stem(string legalName) => StemOf(Canonical(legalName));

    /// <summary>The <see cref="Key"/> and the <see cref="Stem"/> of a name, read once: the duplicate check folds every name of the register.</summary>
    public static (string Key, string Stem) KeyAndStem(string legalName)
    {
        var words = Canonical(legalName);
        return (Cut(string.Join(' ', words)), StemOf(words));
    }

    private static string StemOf(List<string> words)
    {
        var end = words.Count;
        while (end > 0 && (Forms.Contains(words[end - 1]) || words[end - 1] == "&"))
        {
            end--;
        }

        var start = end > 1 && words[0] == "THE" ? 1 : 0;
        // A name that is nothing but a legal form keeps it: "Company Ltd." is still something to compare.
        return Cut(end == 0 ? string.Join(' ', words) : string.Join(' ', words.Skip(start).Take(end - start)));
    }

    private static string Cut(string folded) => folded.Length <= MaxLength ? folded : folded[..MaxLength];

    /// <summary>
    /// Whether two legal names are alike enough that the second may be the first registered again: the same stem, the
    /// same words in another order, or stems that differ by a typo or two.
    /// </summary>
    public static bool AreSimilar(string first, string second) => new SimilarStems(Stem(first)).Includes(Stem(second));

    /// <summary>The words of a name, folded, with every legal form as one word ("SA DE CV").</summary>
    private static List<string> Canonical(string legalName)
    {
        var words = Words(legalName);
        var result = new List<string>(words.Count);
        var i = 0;
        while (i < words.Count)
        {
            var match = Phrases.FirstOrDefault(p => Matches(words, i, p.Words));
            if (match.Words is null)
            {
                result.Add(words[i]);
                i++;
            }
            else
            {
                result.Add(match.Form);
                i += match.Words.Length;
            }
        }

        return result;
    }

    private static bool Matches(List<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            if (words[start + j] != phrase[j])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Upper-case words without accents. Apostrophes join ("O'Neil" is ONEIL); other punctuation separates; a dot
    /// between single letters joins them, as abbreviations are written ("S.A." is SA, "sp. z o.o." is SP Z OO).
    /// "&amp;" stays a word of its own.
    /// </summary>
    private static List<string> Words(string name)
    {
        var folded = Fold(name);
        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var c in folded + " ")
        {
            if (char.IsLetterOrDigit(c) || c == '.')
            {
                chunk.Append(c);
            }
            else if (c is '\'' or '’' or '‘' or '`' or '´')
            {
                // Joins: nothing to add.
            }
            else
            {
                AddChunk(words, chunk.ToString());
                chunk.Clear();
                if (c == '&' || c == '+')
                {
                    words.Add("&");
                }
            }
        }

        return words;
    }

    /// <summary>A run of letters, digits and dots: "S.A." becomes SA, "Pte." PTE, "Co.Ltd" CO and LTD.</summary>
    private static void AddChunk(List<string> words, string chunk)
    {
        var parts = chunk.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && parts.All(p => p.Length == 1))
        {
            words.Add(string.Concat(parts));
        }
        else
        {
            words.AddRange(parts);
        }
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (Folded.TryGetValue(upper, out var replacement))
            {
                folded.Append(replacement);
            }
            else
            {
                folded.Append(upper);
            }
        }

        return folded.ToString();
    }

    private static (string[] Words, string Form)[] Compile((string Spelling, string Form)[] phrases) =>
        // Longest first, so that "CO LTD" wins over "CO".
        [.. phrases.Select(p => (Words: p.Spelling.Split(' '), p.Form)).OrderByDescending(p => p.Words.Length)];
}
