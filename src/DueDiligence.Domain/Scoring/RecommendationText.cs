namespace DueDiligence.Domain.Scoring;

/// <summary>The wording of each recommendation, as shown in the app and in reports.</summary>
public static class RecommendationText
{
    public static string ToDisplayText(this Recommendation recommendation)
    {
        return recommendation switch
        {
            Recommendation.Proceed => "Proceed",
            Recommendation.ProceedWithConditions => "Proceed with conditions",
            Recommendation.ProceedWithExecutiveApproval => "Proceed only with executive approval and conditions",
            Recommendation.DoNotProceed => "Do not proceed",
            _ => throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, "Unknown recommendation."),
        };
    }
}
