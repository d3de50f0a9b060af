using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Jurisdictions;

/// <summary>A legal reviewer's rating of a country at one point in time; ratings are kept as history, never edited.</summary>
public sealed class JurisdictionRating
{
    private JurisdictionRating()
    {
    }

    internal JurisdictionRating(LegalRating rating, string rationale, DateOnly nextReviewOn, string reviewerId, string reviewerName, DateTime ratedAtUtc,
        string? enforcementNotes, string? firstToFileNotes, string? recommendedCounsel)
    {
        if (nextReviewOn <= DateOnly.FromDateTime(ratedAtUtc))
        {
            throw new DomainException("The next review date must be after today.");
        }

        Id = Guid.NewGuid();
        Rating = rating;
        Rationale = Text.Required(rationale, "Give the rationale for the rating: it is what the next reviewer and the executives read.", 4000);
        NextReviewOn = nextReviewOn;
        ReviewerId = reviewerId;
        ReviewerName = reviewerName;
        RatedAtUtc = ratedAtUtc;
        EnforcementNotes = Text.Optional(enforcementNotes, 4000);
        FirstToFileNotes = Text.Optional(firstToFileNotes, 4000);
        RecommendedCounsel = Text.Optional(recommendedCounsel, 1000);
    }

    public Guid Id { get; private set; }

    public LegalRating Rating { get; private set; }

    public string Rationale { get; private set; } = "";

    public DateOnly NextReviewOn { get; private set; }

    public string ReviewerId { get; private set; } = "";

    public string ReviewerName { get; private set; } = "";

    public DateTime RatedAtUtc { get; private set; }

    public string? EnforcementNotes { get; private set; }

    public string? FirstToFileNotes { get; private set; }

    public string? RecommendedCounsel { get; private set; }

    /// <summary>Past its next review date: the rating still counts but must be reviewed.</summary>
    public bool IsReviewOverdue(DateOnly today) => NextReviewOn < today;
}
