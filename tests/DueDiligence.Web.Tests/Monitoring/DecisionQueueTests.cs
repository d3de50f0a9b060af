using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Assessments;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>The executive's decision queue shows the tier and R of today, the figures the assessment page opens with.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class DecisionQueueTests(MonitoringApp app)
{
    [Fact]
    public async Task DecisionQueue_WhenTheSiteCountryIsReRatedAfterSubmission_ShowsTheLiveTierOfTheAssessmentPage()
    {
        const string country = "SK";
        await app.RateAsync(country, LegalRating.Low);
        var supplier = await app.NewSupplierAsync(country);
        var id = await app.SubmittedAsync(supplier, maturity: 2); // submitted at J 15: R 34.5, Medium
        await app.AsUserAsync(Legal, LegalRole, async s =>
        {
            await s.GetRequiredService<ReviewAssessment>().StartReviewAsync(id);
            await s.GetRequiredService<ReviewAssessment>().ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms.");
        });

        await app.RateAsync(country, LegalRating.Severe);

        var row = (await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<AssessmentListQueries>().FirstPageAsync(AssessmentQueue.Decision, supplier))).Single();
        var page = (await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<AssessmentQueries>().GetAsync(id)))!;
        Assert.Equal((RiskTier.High, 57.0, true), (row.Tier, Display.Round1(row.ResidualRisk!.Value), row.TierIsLive));
        Assert.Equal((page.Score.Tier, page.Score.ResidualRisk), (row.Tier, row.ResidualRisk));
    }
}
