using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Jurisdictions;

/// <summary>The jurisdiction library in the REST API: each country's risk and its current legal rating, through the pages' queries.</summary>
internal static class JurisdictionApiEndpoints
{
    public static RouteGroupBuilder MapJurisdictionApi(this RouteGroupBuilder api)
    {
        var jurisdictions = api.MapGroup("/jurisdictions").WithTags("Jurisdictions");
        jurisdictions.MapGet("/", async ([FromServices] JurisdictionQueries queries, CancellationToken cancellationToken) =>
                TypedResults.Ok((await queries.ListAsync(cancellationToken)).Select(JurisdictionResource.From)))
            .WithName("ListJurisdictions").WithSummary("Every country of the library with its risk level and legal rating")
            .RequireScope(ApiResource.Jurisdictions, ApiAccess.Read);

        jurisdictions.MapGet("/{code}", async (string code, [FromServices] JurisdictionQueries queries, CancellationToken cancellationToken) =>
                await queries.GetAsync(code, cancellationToken) is { } row
                    ? Results.Ok(JurisdictionResource.From(row))
                    : NotFound())
            .WithName("GetJurisdiction").WithSummary("One country by its ISO 3166 alpha-2 code")
            .RequireScope(ApiResource.Jurisdictions, ApiAccess.Read);

        jurisdictions.MapPost("/{code}/ratings", async (string code, RatingRequest request, [FromServices] JurisdictionQueries queries,
                [FromServices] RateJurisdiction rate, CancellationToken cancellationToken) =>
            {
                if (await queries.GetAsync(code, cancellationToken) is null)
                {
                    return NotFound();
                }

                await rate.ExecuteAsync(code, request.ToInput(), cancellationToken);
                var row = (await queries.GetAsync(code, cancellationToken))!;
                return TypedResults.Created($"{ApiSetup.BasePath}/jurisdictions/{row.Code}", JurisdictionResource.From(row));
            })
            .WithName("RateJurisdiction").WithSummary("Legal reviewers rate a country; the rating replaces the indicator baseline and is kept as history")
            .RequireScope(ApiResource.Jurisdictions, ApiAccess.Write);
        return api;
    }

    private static IResult NotFound() => ApiErrors.Problem(StatusCodes.Status404NotFound, "Not found", "The library has no country with this ISO 3166 code.");
}

/// <summary>A legal rating as the rating form takes it; it adds to the country's history, so no If-Match is needed.</summary>
internal sealed record RatingRequest(
    LegalRating? Rating, string? Rationale, DateOnly? NextReviewOn, string? EnforcementNotes, string? FirstToFileNotes, string? RecommendedCounsel)
{
    public RatingInput ToInput() => new()
    {
        Rating = Rating,
        Rationale = Rationale ?? "",
        NextReviewOn = NextReviewOn?.ToDateTime(TimeOnly.MinValue),
        EnforcementNotes = EnforcementNotes,
        FirstToFileNotes = FirstToFileNotes,
        RecommendedCounsel = RecommendedCounsel,
    };
}

internal sealed record LegalRatingResource(string Rating, string Rationale, DateOnly NextReviewOn, string Reviewer, DateTime RatedAtUtc);

internal sealed record JurisdictionResource(string Code, string Name, string Level, double Risk, string Source, bool ReviewOverdue, LegalRatingResource? LegalRating)
{
    public static JurisdictionResource From(JurisdictionRow row) => new(
        row.Code, row.Name, row.Country.Risk.IsUnknown ? "Unknown" : row.Country.Risk.Level.ToString(), row.Country.Risk.Value,
        row.Country.Risk.Source.ToString(), row.ReviewOverdue,
        row.Rating is { } r ? new LegalRatingResource(r.Rating.ToString(), r.Rationale, r.NextReviewOn, r.ReviewerName, r.RatedAtUtc) : null);
}
