using System.Globalization;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Sourcing;

/// <summary>The candidate picker's search: the whole supplier register, not its first ten suppliers.</summary>
public sealed class CandidateSearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly SourcingScenario _scenario = new(app);

    [Fact]
    public async Task SearchSuppliersAsync_WithTwelveMatches_ReturnsAllTwelveInReadingOrder()
    {
        var (project, stem, names) = await TwelveSuppliersAsync();

        var result = await SearchAsync(project, stem);

        Assert.Equal(12, result.Total);
        Assert.False(result.HasMore);
        Assert.Equal(names.Order(StringComparer.Ordinal), result.Options.Select(o => o.LegalName));
    }

    [Fact]
    public async Task SearchSuppliersAsync_WhenMoreMatchThanTheLimit_ReturnsTheFirstAndHowManyInAll()
    {
        var (project, stem, _) = await TwelveSuppliersAsync();

        var result = await SearchAsync(project, stem, limit: 5);

        Assert.Equal(5, result.Options.Count);
        Assert.Equal(12, result.Total);
        Assert.True(result.HasMore);
    }

    [Fact]
    public async Task SearchSuppliersAsync_ByDuns_FindsTheSupplier()
    {
        var duns = Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var name = SourcingScenario.Name("Numbered Forge");
        await _scenario.SupplierAsync(name, duns: duns);
        var project = await _scenario.ProjectAsync("Search by DUNS");

        var result = await SearchAsync(project, duns);

        Assert.Equal(name, Assert.Single(result.Options).LegalName);
    }

    [Fact]
    public async Task SearchSuppliersAsync_LeavesOutTheProjectsCandidates()
    {
        var (project, stem, names) = await TwelveSuppliersAsync();
        var first = (await SearchAsync(project, stem)).Options[0];
        await app.AsUserAsync("ana@test", SourcingScenario.Analyst, s => s.GetRequiredService<SourcingCommands>().AddCandidateAsync(project, first.Id));

        var result = await SearchAsync(project, stem);

        Assert.Equal(11, result.Total);
        Assert.DoesNotContain(result.Options, o => o.Id == first.Id);
    }

    [Theory]
    [InlineData(AppRoles.Executive)]
    [InlineData(AppRoles.LegalReviewer)]
    public async Task SearchSuppliersAsync_WhenNotAnAnalyst_IsForbidden(string role)
    {
        var project = await _scenario.ProjectAsync("Searched by others");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role],
            s => s.GetRequiredService<SourcingQueries>().SearchSuppliersAsync(project, "a")));
    }

    /// <summary>A project and twelve suppliers whose names share a stem no other supplier has.</summary>
    internal static async Task<(Guid Project, string Stem, List<string> Names)> TwelveSuppliersAsync(AppFactory app)
    {
        var scenario = new SourcingScenario(app);
        var stem = $"Harbour Mould {Guid.NewGuid().ToString("N")[..6]}";
        var names = new List<string>();
        foreach (var number in Enumerable.Range(1, 12))
        {
            var name = $"{stem} {number:00}";
            await scenario.SupplierAsync(name);
            names.Add(name);
        }

        return (await scenario.ProjectAsync($"Twelve {stem}"), stem, names);
    }

    private Task<(Guid Project, string Stem, List<string> Names)> TwelveSuppliersAsync() => TwelveSuppliersAsync(app);

    private Task<SupplierSearchResult> SearchAsync(Guid project, string search, int limit = SourcingQueries.PickerResults) =>
        app.AsUserAsync("ana@test", SourcingScenario.Analyst, s => s.GetRequiredService<SourcingQueries>().SearchSuppliersAsync(project, search, limit));
}
