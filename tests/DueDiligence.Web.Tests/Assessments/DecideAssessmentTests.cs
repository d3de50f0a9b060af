using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>The executive's decision and what follows from it for the supplier (SCORING.md §6).</summary>
public sealed class DecideAssessmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>SCORING.md §6: Critical and High 12 months, Medium 24, Low 36.</summary>
    private static readonly Dictionary<RiskTier, int> ReassessmentMonths = new()
    {
        [RiskTier.Low] = 36,
        [RiskTier.Medium] = 24,
        [RiskTier.High] = 12,
        [RiskTier.Critical] = 12,
    };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task ExecuteAsync_WhenApproved_SetsTheSupplierStatusTierAndReassessmentDateAndKeepsTheScore()
    {
        var id = await AwaitingDecisionAsync(app);
        var scoreAtDecision = (await LoadAsync(app, id, Executive, ExecutiveRole)).Score;

        var decision = await DecideAsync(id, DecisionOutcome.Approved, "Strong controls and contract terms; approved.");

        var view = await LoadAsync(app, id, Executive, ExecutiveRole);
        var supplier = await SupplierAsync(app, view.Supplier.Id);
        Assert.Equal(AssessmentStatus.Decided, view.Assessment.Status);
        Assert.Equal(scoreAtDecision.Tier, decision.Tier);
        Assert.Equal(SupplierStatus.Approved, supplier.Status);
        Assert.Equal(decision.Tier, supplier.LatestTier);
        Assert.Equal(scoreAtDecision.ResidualRisk, supplier.LatestResidualRisk!.Value, precision: 10);
        Assert.Equal(Today.AddMonths(ReassessmentMonths[decision.Tier]), supplier.ReassessmentDueOn);
        Assert.Equal(supplier.ReassessmentDueOn, decision.ReassessmentDueOn);
        Assert.Equal((Executive, "Strong controls and contract terms; approved."), (decision.DecidedByName, decision.Rationale));

        var snapshot = Assert.Single(view.Assessment.ScoreSnapshots, s => s.Kind == ScoreSnapshotKind.Decision);
        Assert.Equal(decision.Tier, snapshot.Tier);
        Assert.False(view.ScoreIsLive);
        Assert.Equal(snapshot.ReadResult().ControlScore, view.Score.ControlScore, precision: 10);
        Assert.True(view.Assessment.IsReadOnly);
    }

    [Fact]
    public async Task ExecuteAsync_WhenRejected_SetsTheSupplierRejectedWithItsTierAndNoReassessmentDate()
    {
        var id = await AwaitingDecisionAsync(app);

        var decision = await DecideAsync(id, DecisionOutcome.Rejected, "The supplier would hold our full firmware in one place.");

        var view = await LoadAsync(app, id, Executive, ExecutiveRole);
        var supplier = await SupplierAsync(app, view.Supplier.Id);
        Assert.Equal(SupplierStatus.Rejected, supplier.Status);
        Assert.Equal(decision.Tier, supplier.LatestTier);
        Assert.Null(supplier.ReassessmentDueOn);
        Assert.Null(decision.ReassessmentDueOn);
        Assert.Single(view.Assessment.ScoreSnapshots, s => s.Kind == ScoreSnapshotKind.Decision);
    }

    [Fact]
    public async Task ExecuteAsync_WhenApprovingDespiteAnUnwaivedKnockOut_IsRefusedAndNothingChanges()
    {
        var id = await AwaitingDecisionAsync(app, instead: RefusesOurNda);
        var supplierId = (await LoadAsync(app, id, Executive, ExecutiveRole)).Supplier.Id;

        var refusal = await Assert.ThrowsAsync<DomainException>(() => DecideAsync(id, DecisionOutcome.Approved, "Approved anyway."));

        Assert.Equal(
            "An unwaived knock-out means Do not proceed: waive it with a rationale or reject. Unwaived: CT-01 “Will the supplier sign our "
            + "confidentiality agreement (non-disclosure, non-use and non-circumvention) before any technical information is shared?” answered No.",
            refusal.Message);
        var view = await LoadAsync(app, id, Executive, ExecutiveRole);
        Assert.Equal(AssessmentStatus.AwaitingDecision, view.Assessment.Status);
        Assert.Equal((RiskTier.Critical, Recommendation.DoNotProceed), (view.Score.Tier, view.Score.Recommendation));
        Assert.DoesNotContain(view.Assessment.ScoreSnapshots, s => s.Kind == ScoreSnapshotKind.Decision);
        Assert.Equal(SupplierStatus.UnderAssessment, (await SupplierAsync(app, supplierId)).Status);
    }

    [Fact]
    public async Task ExecuteAsync_WhenTheKnockOutWasWaived_ApprovesAndKeepsTheWaiverInTheSnapshot()
    {
        var id = await AwaitingDecisionAsync(app, instead: RefusesOurNda);
        await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<ReviewAssessment>()
            .WaiveKnockOutAsync(id, "CT-01", "Only public catalogue drawings will be shared; our NDA follows before any CAD."));

        var decision = await DecideAsync(id, DecisionOutcome.Approved, "Approved for catalogue parts only.");

        var view = await LoadAsync(app, id, Executive, ExecutiveRole);
        var hit = Assert.Single(view.Score.KnockOuts);
        Assert.Equal(("CT-01", true), (hit.QuestionCode, hit.Waived));
        Assert.NotEqual(RiskTier.Critical, decision.Tier);
        Assert.Equal(SupplierStatus.Approved, (await SupplierAsync(app, view.Supplier.Id)).Status);
    }

    [Fact]
    public async Task ExecuteAsync_WhenApprovingWithConditionsBeforeAnyConditionIsSet_IsRefusedUntilOneIs()
    {
        var id = await AwaitingDecisionAsync(app);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => DecideAsync(id, DecisionOutcome.ApprovedWithConditions, "Approved on conditions."));
        await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<ReviewAssessment>()
            .AddConditionAsync(id, new ConditionDetails("Ownership plates on every mould we own.", Today.AddDays(60))));
        await DecideAsync(id, DecisionOutcome.ApprovedWithConditions, "Approved on conditions.");

        Assert.Equal(
            "Approving with conditions needs at least one open contract condition: add the conditions first, or approve without conditions.",
            refusal.Message);
        var view = await LoadAsync(app, id, Executive, ExecutiveRole);
        Assert.Equal(DecisionOutcome.ApprovedWithConditions, view.Assessment.Decision!.Outcome);
        Assert.Equal(["Ownership plates on every mould we own."], view.Assessment.Conditions.Select(c => c.Description));
        Assert.Equal(SupplierStatus.ApprovedWithConditions, (await SupplierAsync(app, view.Supplier.Id)).Status);
    }

    [Fact]
    public async Task ExecuteAsync_WhenApprovingWhileAConditionIsOpen_AsksToApproveWithConditions()
    {
        var id = await AwaitingDecisionAsync(app);
        await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<ReviewAssessment>()
            .AddConditionAsync(id, new ConditionDetails("Signed NDA before drawings are sent.", Today.AddDays(14))));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => DecideAsync(id, DecisionOutcome.Approved, "Approved."));

        Assert.Equal("1 contract condition is still open: approve with conditions, or mark them met first.", refusal.Message);
    }

    private static AnswerInput? RefusesOurNda(Domain.Questionnaires.QuestionDefinition question) =>
        question.Code == "CT-01" ? CompleteAnswers.Best(question) with { YesNo = false } : null;

    private async Task<AssessmentDecision> DecideAsync(Guid id, DecisionOutcome outcome, string rationale) =>
        await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(id, outcome, rationale))
        ?? throw new InvalidOperationException("The sign-off did not decide: the approval rule of the tier needs more approvals.");
}
