using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Domain.Tests.Suppliers;

/// <summary>The typo distance of the duplicate check: the bit-parallel form against the textbook table.</summary>
public sealed class SimilarStemsTests
{
    [Theory]
    [InlineData("KITTEN", "SITTING", 3)]
    [InlineData("SAIGON PRECISION MOULDINGS", "SAIGON PRECISION MOULDING", 1)]
    [InlineData("BENCH SUPLIER 004217", "BENCH SUPPLIER 004217", 1)]
    [InlineData("ĐÀ NẴNG", "DA NANG", 3)]
    [InlineData("A", "", 1)]
    public void Distance_OfKnownPairs_IsTheLevenshteinDistance(string stem, string other, int expected) =>
        Assert.Equal(expected, new SimilarStems(stem).Distance(other, int.MaxValue));

    [Fact]
    public void Distance_OfRandomStemsUpTo64Characters_MatchesTheTable()
    {
        var random = new Random(20261206);
        const string alphabet = "ABCDE 0123&Ł";
        for (var run = 0; run < 5_000; run++)
        {
            var stem = RandomText(random, alphabet, random.Next(1, 65));
            var other = random.Next(3) == 0 ? Mutate(random, stem, alphabet) : RandomText(random, alphabet, random.Next(0, 70));

            Assert.True(Table(stem, other) == new SimilarStems(stem).Distance(other, int.MaxValue), $"“{stem}” → “{other}”");
        }
    }

    [Fact]
    public void Distance_OfAStemLongerThan64Characters_IsTheTable()
    {
        var stem = new string('A', 70) + "BC";
        var other = new string('A', 70) + "CB";

        Assert.Equal(2, new SimilarStems(stem).Distance(other, 5));
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    private static string Mutate(Random random, string text, string alphabet)
    {
        var chars = text.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                default:
                    if (at < chars.Count)
                    {
                        chars[at] = alphabet[random.Next(alphabet.Length)];
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }

    private static int Table(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
