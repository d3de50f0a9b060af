using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Tests.Common;

public sealed class CountriesTests
{
    [Fact]
    public void ByName_WhenNamesHaveAccents_SortsThemAsAReaderExpects()
    {
        var names = Countries.ByName.Select(c => c.Value).ToList();

        Assert.True(names.IndexOf("Türkiye") < names.IndexOf("Tuvalu"), "Türkiye comes before Tuvalu.");
        Assert.True(names.IndexOf("Åland Islands") < names.IndexOf("Albania"), "Åland sorts with the A's.");
        Assert.True(names.IndexOf("Côte d'Ivoire") < names.IndexOf("Croatia"), "Côte d'Ivoire sorts with the C's.");
    }

    [Fact]
    public void ByName_HoldsEveryCountryOnce()
    {
        Assert.Equal(Countries.All.Count, Countries.ByName.Select(c => c.Key).Distinct().Count());
    }
}
