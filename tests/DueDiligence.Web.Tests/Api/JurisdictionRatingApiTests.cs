using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Tests.Api;

/// <summary>Legal ratings through the API: legal reviewers rate, as on the jurisdiction page; everyone else reads.</summary>
public sealed class JurisdictionRatingApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    private static readonly string[] Write = [ApiApp.ReadWrite(ApiResource.Jurisdictions)];

    [Theory]
    [InlineData(AppRoles.LegalReviewer, true)]
    [InlineData(AppRoles.Analyst, false)]
    [InlineData(AppRoles.Executive, false)]
    [InlineData(AppRoles.Admin, false)]
    public async Task Rate_ByRole_IsAllowedOnlyToLegalReviewers(string role, bool allowed)
    {
        var caller = api.Client(await api.TokenAsync(await api.PersonAsync($"Rater {role}", role), Write));
        var rationale = $"Courts enforce NDAs in practice ({role}).";

        var response = await caller.PostAsJsonAsync("/api/v1/jurisdictions/TH/ratings", Rating(rationale));

        var country = await caller.GetFromJsonAsync<JsonElement>("/api/v1/jurisdictions/TH");
        var current = country.GetProperty("legalRating");
        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("Moderate", current.GetProperty("rating").GetString());
            Assert.Equal(rationale, current.GetProperty("rationale").GetString());
        }
        else
        {
            await ApiAssert.ProblemAsync(response, 403, "needs the role");
            Assert.True(current.ValueKind == JsonValueKind.Null || current.GetProperty("rationale").GetString() != rationale);
        }
    }

    [Fact]
    public async Task Rate_WithoutRationaleOrNextReview_Is400WithFieldErrors()
    {
        var legal = api.Client(await api.TokenAsync(await api.PersonAsync("Lena Hasty", AppRoles.LegalReviewer), Write));

        var response = await legal.PostAsJsonAsync("/api/v1/jurisdictions/TH/ratings", new { rating = "High" });

        var errors = (await ApiAssert.ProblemAsync(response, 400, "invalid fields")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Rationale", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("NextReviewOn", out _), errors.ToString());
    }

    [Fact]
    public async Task Rate_WithAReadToken_IsRefusedForTheScope()
    {
        var legal = api.Client(await api.TokenAsync(await api.PersonAsync("Lena Reader", AppRoles.LegalReviewer), ApiApp.Read(ApiResource.Jurisdictions)));

        var response = await legal.PostAsJsonAsync("/api/v1/jurisdictions/TH/ratings", Rating("Read-only token."));

        await ApiAssert.ProblemAsync(response, 403, "scope jurisdictions:write");
    }

    private object Rating(string rationale) => new
    {
        rating = "Moderate",
        rationale,
        nextReviewOn = DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime).AddMonths(6),
    };
}
