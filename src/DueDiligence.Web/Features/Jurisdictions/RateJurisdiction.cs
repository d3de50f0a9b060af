using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Jurisdictions;

/// <summary>What a legal reviewer enters to rate a country.</summary>
public sealed class RatingInput
{
    public LegalRating? Rating { get; set; }

    public string Rationale { get; set; } = "";

    public DateTime? NextReviewOn { get; set; }

    public string? EnforcementNotes { get; set; }

    public string? FirstToFileNotes { get; set; }

    public string? RecommendedCounsel { get; set; }

    /// <summary>The form for a new rating, filled with the current one (a blank form when the country is not rated yet).</summary>
    public static RatingInput From(JurisdictionRating? current) => current is null
        ? new RatingInput()
        : new RatingInput
        {
            Rating = current.Rating,
            Rationale = current.Rationale,
            NextReviewOn = current.NextReviewOn.ToDateTime(TimeOnly.MinValue),
            EnforcementNotes = current.EnforcementNotes,
            FirstToFileNotes = current.FirstToFileNotes,
            RecommendedCounsel = current.RecommendedCounsel,
        };
}

internal sealed class RatingInputValidator : AbstractValidator<RatingInput>
{
    public RatingInputValidator(TimeProvider time)
    {
        RuleFor(r => r.Rating).NotNull().WithMessage("Choose a rating: Low, Moderate, High or Severe.");
        RuleFor(r => r.Rationale).NotEmpty().WithMessage("Give the rationale for the rating: it is what the next reviewer and the executives read.")
            .MaximumLength(4000).WithMessage("Keep the rationale under 4,000 characters.");
        RuleFor(r => r.NextReviewOn).NotNull().WithMessage("Set the date of the next review.")
            .Must(d => d is null || DateOnly.FromDateTime(d.Value) > time.Today()).WithMessage("The next review date must be after today.");
        RuleFor(r => r.EnforcementNotes).MaximumLength(4000);
        RuleFor(r => r.FirstToFileNotes).MaximumLength(4000);
        RuleFor(r => r.RecommendedCounsel).MaximumLength(1000);
    }
}

/// <summary>
/// A legal reviewer rates a country; the rating replaces the indicator baseline and is kept as history. The suppliers
/// exposed there are re-scored right after, batch by batch (<see cref="SupplierPositionUpdater.SaveThenRecomputeAsync"/>).
/// </summary>
public sealed class RateJurisdiction(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<RatingInput> validator, TimeProvider time, SupplierPositionUpdater positions)
{
    public async Task<JurisdictionRating> ExecuteAsync(string countryCode, RatingInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.LegalReviewer);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var country = CountryCode.Parse(countryCode);
        var principal = await currentUser.GetPrincipalAsync();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jurisdiction = await db.Jurisdictions.Include(j => j.Ratings).FirstOrDefaultAsync(j => j.Country == country, cancellationToken);
        if (jurisdiction is null)
        {
            // A country outside the reference data can still be rated; it then has a rating and no indicators.
            jurisdiction = new Jurisdiction(country);
            db.Jurisdictions.Add(jurisdiction);
        }

        var previous = jurisdiction.CurrentRating?.Rating.ToString() ?? "not rated";
        var rating = jurisdiction.Rate(input.Rating!.Value, input.Rationale, DateOnly.FromDateTime(input.NextReviewOn!.Value),
            (await currentUser.GetUserIdAsync())!, AppClaims.DisplayNameOf(principal), time.UtcNow(),
            input.EnforcementNotes, input.FirstToFileNotes, input.RecommendedCounsel);
        await positions.SaveThenRecomputeAsync(
            db,
            () => db.SaveOrConflictAsync($"{jurisdiction.Name} was rated by someone else a moment ago. Reload the page to see that rating before you rate it again.", cancellationToken),
            new PositionTrigger($"{jurisdiction.Name} re-rated {previous} → {rating.Rating}"),
            AffectedSuppliers.NamingCountry(country),
            cancellationToken);
        return rating;
    }
}
