using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Jurisdictions;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Jurisdictions;

public sealed class JurisdictionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Legal = [AppRoles.LegalReviewer];

    [Fact]
    public async Task ReferenceData_IsSeededWithSourcesAndBlanksLeftBlank()
    {
        var rows = await app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<JurisdictionQueries>().ListAsync());

        // The shipped reference data; countries the other tests add have none.
        Assert.Equal(42, rows.Count(r => r.HasReferenceData));
        var us = rows.Single(r => r.Code == "US");
        Assert.Null(us.Value(JurisdictionIndicator.Ustr301));
        var ustr = us.Country.Jurisdiction.Indicator(JurisdictionIndicator.Ustr301)!;
        Assert.Null(ustr.EditionYear);
        Assert.Contains("Special 301", ustr.Source, StringComparison.Ordinal);
        var germany = rows.Single(r => r.Code == "DE");
        Assert.Null(germany.Value(JurisdictionIndicator.EuPriority));
        Assert.Equal("CC BY-ND 4.0", germany.Country.Jurisdiction.Indicator(JurisdictionIndicator.Cpi)!.Licence);
    }

    [Fact]
    public async Task Baseline_ForChina_MatchesScoringSection5()
    {
        // CN: Priority Watch List (75 × .3), EU priority 1 (100 × .2), CPI 43 (57 × .2), WGI −0.04 ((2.5 + 0.04) / 5 × 100 × .3).
        var expected = 75 * 0.3 + 100 * 0.2 + 57 * 0.2 + (2.5 + 0.04) / 5 * 100 * 0.3;

        var china = await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<JurisdictionQueries>().GetAsync("CN"));

        Assert.Equal(expected, china!.Country.Risk.Value, 9);
        Assert.Equal(JurisdictionRiskSource.Baseline, china.Country.Risk.Source);
        Assert.Equal(4, china.Country.Risk.Contributions.Count);
    }

    [Fact]
    public async Task Baseline_WhenAnIndicatorIsBlank_RenormalisesOverThePresentOnes()
    {
        // DE has no EU priority (EU member): weights .3/.2/.3 renormalised over 0.8.
        var germany = await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<JurisdictionQueries>().GetAsync("DE"));

        var risk = germany!.Country.Risk;
        Assert.Equal(3, risk.Contributions.Count);
        Assert.Equal(1.0, risk.Contributions.Sum(c => c.RenormalisedWeight), 9);
        Assert.Equal(0.3 / 0.8, risk.Contributions.Single(c => c.Indicator == JurisdictionIndicator.Ustr301).RenormalisedWeight, 9);
    }

    [Fact]
    public async Task Rate_AsLegalReviewer_ReplacesTheBaselineAndKeepsHistory()
    {
        var nextReview = DateTime.UtcNow.Date.AddMonths(6);
        await Rate("MX", LegalRating.Moderate, "Enforcement improving but slow.", nextReview);
        await Rate("MX", LegalRating.High, "Customs seizures of counterfeits rarely lead to prosecution.", nextReview);

        var mexico = await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<JurisdictionQueries>().GetAsync("MX"));

        Assert.Equal(65, mexico!.Country.Risk.Value);
        Assert.Equal(JurisdictionRiskSource.LegalRating, mexico.Country.Risk.Source);
        Assert.NotNull(mexico.Country.Risk.Baseline);
        var history = mexico.Country.Jurisdiction.RatingHistory();
        Assert.Equal([LegalRating.High, LegalRating.Moderate], history.Select(r => r.Rating));
        Assert.Equal("legal@test", history[0].ReviewerId);
    }

    [Fact]
    public async Task Rate_WithoutRationaleOrWithPastReviewDate_IsRefusedWithSpecificMessages()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => app.AsUserAsync("legal@test", Legal, s =>
            s.GetRequiredService<RateJurisdiction>().ExecuteAsync("IN", new RatingInput { Rating = LegalRating.High, Rationale = " ", NextReviewOn = DateTime.UtcNow.AddDays(-1) })));

        var messages = error.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("Give the rationale for the rating: it is what the next reviewer and the executives read.", messages);
        Assert.Contains("The next review date must be after today.", messages);
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.Executive)]
    [InlineData(AppRoles.Admin)]
    public async Task Rate_WhenNotALegalReviewer_IsForbidden(string role)
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s =>
            s.GetRequiredService<RateJurisdiction>().ExecuteAsync("VN", new RatingInput { Rating = LegalRating.Low, Rationale = "x", NextReviewOn = DateTime.UtcNow.AddDays(30) })));
    }

    [Fact]
    public async Task Rate_ACountryOutsideTheReferenceData_CreatesItWithTheRatingOnly()
    {
        await Rate("NZ", LegalRating.Low, "Strong courts, common-law IP enforcement.", DateTime.UtcNow.AddYears(1));

        var nz = await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<JurisdictionQueries>().GetAsync("NZ"));

        Assert.Equal(15, nz!.Country.Risk.Value);
        Assert.Empty(nz.Country.Jurisdiction.Indicators);
    }

    [Fact]
    public async Task AddJurisdiction_AsLegalReviewer_ListsTheCountryWithNoReferenceDataAndUnknownRisk_AndIsAudited()
    {
        var code = await app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("fj"));

        var rows = await app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<JurisdictionQueries>().ListAsync());
        var fiji = rows.Single(r => r.Code == "FJ");
        Assert.Equal("FJ", code);
        Assert.Equal("Fiji", fiji.Name);
        Assert.False(fiji.HasReferenceData);
        Assert.All(Enum.GetValues<JurisdictionIndicator>(), i => Assert.Equal("no data", JurisdictionLabels.ValueText(fiji, i)));
        Assert.True(fiji.Country.Risk.IsUnknown);
        Assert.Null(fiji.Country.Risk.Baseline);
        Assert.Null(fiji.Rating);
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "Jurisdiction" && e.EntityKey == "FJ" && e.Actor == "legal@test"));
    }

    [Fact]
    public async Task AddJurisdiction_ThenRate_ReplacesTheUnknownRiskWithTheRating()
    {
        await app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("MN"));
        await Rate("MN", LegalRating.High, "Courts rarely enforce foreign IP judgments.", DateTime.UtcNow.AddMonths(6));

        var mongolia = await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<JurisdictionQueries>().GetAsync("MN"));

        Assert.Equal(65, mongolia!.Country.Risk.Value);
        Assert.Equal(JurisdictionRiskSource.LegalRating, mongolia.Country.Risk.Source);
        Assert.Null(mongolia.Country.Risk.Baseline);
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.Executive)]
    [InlineData(AppRoles.Admin)]
    public async Task AddJurisdiction_WhenNotALegalReviewer_IsForbiddenAndNothingIsAdded(string role)
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("WS")));

        var rows = await app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<JurisdictionQueries>().ListAsync());
        Assert.DoesNotContain(rows, r => r.Code == "WS");
    }

    [Fact]
    public async Task AddJurisdiction_WhenAlreadyListed_IsRefusedWithASentence()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("CN")));

        Assert.Equal("China is already in the jurisdiction list: open it there to rate it.", error.Message);
    }

    [Fact]
    public async Task AddJurisdiction_WithACodeThatIsNoCountry_IsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("XX")));

        Assert.Contains("is not an ISO 3166-1 alpha-2 country code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_SortsNamesInReadingOrder_TurkiyeBeforeTuvaluAndAlandWithTheAs()
    {
        await app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("TV"));
        await app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<AddJurisdiction>().ExecuteAsync("AX"));

        var names = (await app.AsUserAsync("eve@test", [AppRoles.Executive], s => s.GetRequiredService<JurisdictionQueries>().ListAsync())).Select(r => r.Name).ToList();

        Assert.True(names.IndexOf("Türkiye") < names.IndexOf("Tuvalu"), string.Join(", ", names));
        Assert.True(names.IndexOf("Åland Islands") < names.IndexOf("Argentina"), string.Join(", ", names));
        Assert.Equal(names.OrderBy(n => n, Countries.NameOrder), names);
    }

    [Fact]
    public async Task CorrectIndicator_AsAdmin_ChangesTheValueAndIsAudited()
    {
        await app.AsUserAsync("admin@test", [AppRoles.Admin], s =>
            s.GetRequiredService<CorrectIndicator>().ExecuteAsync("TH", new IndicatorInput
            {
                Indicator = JurisdictionIndicator.Cpi,
                Value = "36",
                EditionYear = 2025,
                Source = "Transparency International, Corruption Perceptions Index 2025 (10 February 2026)",
                Licence = "CC BY-ND 4.0",
            }));

        var thailand = await app.AsUserAsync("ana@test", [AppRoles.Analyst], s => s.GetRequiredService<JurisdictionQueries>().GetAsync("TH"));
        Assert.Equal("36", thailand!.Value(JurisdictionIndicator.Cpi));
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "IndicatorValue" && e.Actor == "admin@test" && e.Changes.Contains("\"36\"")));
    }

    [Fact]
    public async Task CorrectIndicator_WithAValueOffTheScale_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => app.AsUserAsync("admin@test", [AppRoles.Admin], s =>
            s.GetRequiredService<CorrectIndicator>().ExecuteAsync("TH", new IndicatorInput
            {
                Indicator = JurisdictionIndicator.Cpi,
                Value = "140",
                EditionYear = 2025,
                Source = "x",
                Licence = "y",
            })));

        Assert.Contains(error.Errors, e => e.ErrorMessage.Contains("A CPI score is a number from 0 to 100.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorrectIndicator_WhenLegalReviewer_IsForbidden()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("legal@test", Legal, s =>
            s.GetRequiredService<CorrectIndicator>().ExecuteAsync("TH", new IndicatorInput { Indicator = JurisdictionIndicator.Cpi, Value = "1", EditionYear = 2025, Source = "x", Licence = "y" })));
    }

    private Task<JurisdictionRating> Rate(string country, LegalRating rating, string rationale, DateTime nextReview) =>
        app.AsUserAsync("legal@test", Legal, s => s.GetRequiredService<RateJurisdiction>().ExecuteAsync(country,
            new RatingInput { Rating = rating, Rationale = rationale, NextReviewOn = nextReview }));
}
