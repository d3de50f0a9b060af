namespace DueDiligence.Domain.Suppliers;

/// <summary>
/// The stems (<see cref="LegalNames.Stem"/>) alike enough to one stem that the name may be the same company registered
/// again: the same stem, the same words in another order, or a typo or two apart. Made once for the name being entered
/// and asked about every name of the register, so what only depends on the entered stem is worked out here, once.
/// </summary>
public sealed class SimilarStems
{
    /// <summary>Two stems this alike (1 = equal) are worth a warning: about one typo in seven letters.</summary>
    public const double SimilarityThreshold = 0.85;

    /// <summary>Below this length a stem is compared only for equality: "ACME" and "ACNE" are different companies.</summary>
    private const int MinimumFuzzyLength = 6;

    /// <summary>Longest stem whose characters fit the bits of one <see cref="ulong"/> (<see cref="Distance"/>).</summary>
    private const int BitParallelLength = 64;

    private readonly string stem;
    private readonly string sortedWords;
    private readonly ulong[] asciiMasks = new ulong[128];
    private readonly Dictionary<char, ulong> otherMasks = [];

    public SimilarStems(string stem)
    {
        this.stem = stem;
        sortedWords = SortedWords(stem);
        if (stem.Length <= BitParallelLength)
        {
            for (var i = 0; i < stem.Length; i++)
            {
                var c = stem[i];
                if (c < asciiMasks.Length)
                {
                    asciiMasks[c] |= 1UL << i;
                }
                else
                {
                    otherMasks[c] = otherMasks.GetValueOrDefault(c) | (1UL << i);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="other"/> is the stem itself or alike enough to it.</summary>
    public bool Includes(string other) =>
        stem.Length > 0 && other.Length > 0 && (stem == other || SameWordsInAnotherOrder(other) || DifferByATypo(other));

    // The same words in another order make a stem of the same length: only those are sorted.
    private bool SameWordsInAnotherOrder(string other) => stem.Length == other.Length && sortedWords == SortedWords(other);

    /// <summary>The words of a stem in alphabetical order: "SHENZHEN BRIGHTWAY" and "BRIGHTWAY SHENZHEN" have one.</summary>
    private static string SortedWords(string stem) => string.Join(' ', stem.Split(' ').Order(StringComparer.Ordinal));

    /// <summary>Stems of at least six characters that differ in at most one character in seven (Levenshtein distance).</summary>
    private bool DifferByATypo(string other)
    {
        if (Math.Min(stem.Length, other.Length) < MinimumFuzzyLength)
        {
            return false;
        }

        var allowed = (int)Math.Floor(Math.Max(stem.Length, other.Length) * (1 - SimilarityThreshold));
        return Math.Abs(stem.Length - other.Length) <= allowed && Distance(other, allowed) <= allowed;
    }

    /// <summary>
    /// The Levenshtein distance from the stem to <paramref name="other"/>, or some figure above <paramref name="limit"/>
    /// when it exceeds the limit. A stem of up to 64 characters is one bit per character, and each character of the other
    /// costs a few operations on those bits (Myers' bit-vector algorithm, 1999, as Hyyrö wrote it for the edit distance,
    /// 2001); a longer one takes the table row by row, stopping past <paramref name="limit"/>.
    /// </summary>
    public int Distance(string other, int limit)
    {
        if (stem.Length == 0 || stem.Length > BitParallelLength)
        {
            return TableDistance(stem, other, limit);
        }

        var last = 1UL << (stem.Length - 1);
        var positive = ulong.MaxValue;
        var negative = 0UL;
        var score = stem.Length;
        foreach (var c in other)
        {
            var equal = c < asciiMasks.Length ? asciiMasks[c] : otherMasks.GetValueOrDefault(c);
            var vertical = equal | negative;
            var horizontal = (((equal & positive) + positive) ^ positive) | equal;
            var up = negative | ~(horizontal | positive);
            var down = positive & horizontal;
            if ((up & last) != 0)
            {
                score++;
            }
            else if ((down & last) != 0)
            {
                score--;
            }

            up = (up << 1) | 1;
            down <<= 1;
            positive = down | ~(vertical | up);
            negative = up & vertical;
        }

        return score;
    }

    /// <summary>The Levenshtein distance, or <paramref name="limit"/> + 1 as soon as it must exceed the limit.</summary>
    private static int TableDistance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
