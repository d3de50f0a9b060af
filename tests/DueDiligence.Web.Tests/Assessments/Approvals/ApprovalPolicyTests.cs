using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments.Approvals;

/// <summary>Legal's opinion on forwarding, and approval rules by tier: two distinct executives, justification, a rejection decides.</summary>
public sealed class ApprovalPolicyTests(ApprovalApp fixture) : IClassFixture<ApprovalApp>
{
    private const string Justification = "Single source for the housing; audit rights and mould ownership cover the risk.";

    [Fact]
    public async Task ForwardToDecision_WithoutAnOpinion_IsRefusedAndStaysInLegalReview()
    {
        var id = await NewDraftAsync(fixture.App);
        await AnswerEverythingAsync(fixture.App, id);
        await SubmitAsync(fixture.App, id);
        await AsLegalAsync(fixture.App, r => r.StartReviewAsync(id));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => AsLegalAsync(fixture.App, r => r.ForwardToDecisionAsync(id, "  ")));

        Assert.Equal("Give legal's overall opinion before forwarding: the executives read it first when they decide.", refusal.Message);
        var view = await LoadAsync(fixture.App, id, Legal, LegalRole);
        Assert.Equal(AssessmentStatus.LegalReview, view.Assessment.Status);
        Assert.Null(view.Assessment.LegalOpinion);
    }

    [Fact]
    public async Task ForwardToDecision_WithAnOpinion_KeepsItForTheDecisionView()
    {
        var id = await AwaitingDecisionAsync(fixture.App);

        var opinion = (await LoadAsync(fixture.App, id, Executive, ExecutiveRole)).Assessment.LegalOpinion;

        Assert.Equal(("Legal finds no blocking issue; proceed on the recorded terms.", Legal), (opinion?.Text, opinion?.ByName));
    }

    [Fact]
    public async Task Decide_WhenTheTierNeedsTwo_TheFirstApprovalKeepsItAwaitingAndTheQueueShowsOneOfTwo()
    {
        var id = await TwoApprovalsNeededAsync();

        var decision = await fixture.DecideAsync(Executive, id, DecisionOutcome.Approved, Justification);

        Assert.Null(decision);
        var view = await LoadAsync(fixture.App, id, Executive, ExecutiveRole);
        Assert.Equal(AssessmentStatus.AwaitingDecision, view.Assessment.Status);
        Assert.Equal(SupplierStatus.UnderAssessment, (await SupplierAsync(fixture.App, view.Supplier.Id)).Status);
        Assert.Equal(2, view.Approval!.Rule.RequiredApprovals);
        var row = Assert.Single(await QueueAsync(), r => r.Id == id);
        Assert.Equal("1 of 2 approvals", row.Approvals?.ToString());
    }

    [Fact]
    public async Task Decide_WhenTheSameExecutiveApprovesAgain_IsRefusedAndStillAwaitsTheSecond()
    {
        var id = await TwoApprovalsNeededAsync();
        await fixture.DecideAsync(Executive, id, DecisionOutcome.Approved, Justification);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => fixture.DecideAsync(Executive, id, DecisionOutcome.Approved, Justification));

        Assert.EndsWith("the next approval must come from a different executive.", refusal.Message, StringComparison.Ordinal);
        var view = await LoadAsync(fixture.App, id, Executive, ExecutiveRole);
        Assert.Equal((AssessmentStatus.AwaitingDecision, 1), (view.Assessment.Status, view.Assessment.SignOffs.Count));
    }

    [Fact]
    public async Task Decide_WhenASecondExecutiveApproves_DecidesWithBothApproversAuditedAndOnRecord()
    {
        var id = await TwoApprovalsNeededAsync();
        await fixture.DecideAsync(Executive, id, DecisionOutcome.Approved, Justification);

        var decision = await fixture.DecideAsync(ApprovalApp.OtherExecutive, id, DecisionOutcome.Approved, Justification);

        Assert.NotNull(decision);
        var view = await LoadAsync(fixture.App, id, Executive, ExecutiveRole);
        Assert.Equal(AssessmentStatus.Decided, view.Assessment.Status);
        Assert.Equal([Executive, ApprovalApp.OtherExecutive], view.Assessment.SignOffs.Select(s => s.ById));
        Assert.All(view.Assessment.SignOffs, s => Assert.Equal(Justification, s.Justification));
        Assert.Equal(SupplierStatus.Approved, (await SupplierAsync(fixture.App, view.Supplier.Id)).Status);
        await using var db = await fixture.App.CreateDbContextAsync();
        var audited = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "DecisionSignOff").Select(e => e.Actor).ToListAsync();
        Assert.Contains(Executive, audited);
        Assert.Contains(ApprovalApp.OtherExecutive, audited);
    }

    [Fact]
    public async Task Decide_WithoutTheJustificationTheRuleAsksFor_IsRefused()
    {
        var id = await TwoApprovalsNeededAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => fixture.DecideAsync(Executive, id, DecisionOutcome.Approved, justification: null));

        Assert.EndsWith("needs a written justification: say why the supplier may proceed despite this risk.", refusal.Message, StringComparison.Ordinal);
        Assert.Empty((await LoadAsync(fixture.App, id, Executive, ExecutiveRole)).Assessment.SignOffs);
    }

    [Fact]
    public async Task Decide_WhenAnotherExecutiveRejectsAfterOneApproval_TheRejectionDecides()
    {
        var id = await TwoApprovalsNeededAsync();
        await fixture.DecideAsync(Executive, id, DecisionOutcome.Approved, Justification);

        var decision = await fixture.DecideAsync(ApprovalApp.OtherExecutive, id, DecisionOutcome.Rejected);

        Assert.Equal(DecisionOutcome.Rejected, decision?.Outcome);
        var view = await LoadAsync(fixture.App, id, Executive, ExecutiveRole);
        Assert.Equal(SupplierStatus.Rejected, (await SupplierAsync(fixture.App, view.Supplier.Id)).Status);
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task ChangeRule_WhenNotAnAdministrator_IsForbiddenAndTheRuleStays(string role)
    {
        var before = await RulesAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.AsAsync(Executive, role, s => s.GetRequiredService<ApprovalRules>()
            .ChangeAsync(Domain.Scoring.RiskTier.Low, 3, true, before.Single(r => r.Tier == Domain.Scoring.RiskTier.Low).Version)));

        Assert.Equal(before, await RulesAsync());
    }

    [Fact]
    public async Task ChangeRule_ByAnAdministrator_IsStoredAndAudited()
    {
        var saved = await fixture.SetRuleAsync(Domain.Scoring.RiskTier.Medium, 2, false);

        Assert.Equal((2, false, Admin), (saved.RequiredApprovals, saved.JustificationRequired, saved.UpdatedByName));
        Assert.Contains(await RulesAsync(), r => r.Tier == Domain.Scoring.RiskTier.Medium && r.RequiredApprovals == 2);
        await using var db = await fixture.App.CreateDbContextAsync();
        Assert.Contains(await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "ApprovalRule").Select(e => e.Actor).ToListAsync(), a => a == Admin);
        await fixture.SetRuleAsync(Domain.Scoring.RiskTier.Medium, 1, false);
    }

    [Fact]
    public async Task ChangeRule_FromAVersionSomeoneElseChanged_IsRefusedWithoutOverwriting()
    {
        var stale = (await RulesAsync()).Single(r => r.Tier == Domain.Scoring.RiskTier.Low);
        await fixture.SetRuleAsync(Domain.Scoring.RiskTier.Low, 1, true);

        await Assert.ThrowsAsync<Web.Infrastructure.ConcurrencyConflictException>(() => fixture.AsAsync(Admin, AppRoles.Admin, s => s.GetRequiredService<ApprovalRules>()
            .ChangeAsync(Domain.Scoring.RiskTier.Low, 3, false, stale.Version)));

        Assert.Contains(await RulesAsync(), r => r.Tier == Domain.Scoring.RiskTier.Low && r.RequiredApprovals == 1 && r.JustificationRequired);
        await fixture.SetRuleAsync(Domain.Scoring.RiskTier.Low, 1, false);
    }

    [Fact]
    public async Task ReviewView_AfterTheFirstOfTwoApprovals_ShowsTheProgressTheOpinionAndTheFirstApprover()
    {
        var id = await TwoApprovalsNeededAsync();
        await fixture.DecideAsync(Executive, id, DecisionOutcome.Approved, Justification);

        await using var review = await ReviewRendering.RenderAsync(fixture.App, id, ApprovalApp.OtherExecutive, ExecutiveRole);

        Assert.Equal("1 of 2 approvals", review.TextOf("approval-count"));
        Assert.Equal("Legal finds no blocking issue; proceed on the recorded terms.", review.TextOf("legal-opinion-text"));
        Assert.Equal(Executive, review.TextOf("sign-off-by"));
        Assert.Equal(Justification, review.TextOf("sign-off-justification").Replace("Justification: ", "", StringComparison.Ordinal));
        Assert.Equal("Record decision", review.TextOf("decide"));
    }

    [Fact]
    public async Task DecisionRecord_AfterTwoApprovals_ListsBothApproversAndTheDecider()
    {
        var id = await TwoApprovalsNeededAsync();
        await fixture.DecideAsync(Executive, id, DecisionOutcome.Approved, Justification);
        await fixture.DecideAsync(ApprovalApp.OtherExecutive, id, DecisionOutcome.Approved, Justification);

        await using var review = await ReviewRendering.RenderAsync(fixture.App, id, Executive, ExecutiveRole);

        Assert.Equal([Executive, ApprovalApp.OtherExecutive], review.View.FindAll("[data-testid=sign-off-by]").Select(e => e.TextContent.Trim()));
        Assert.Equal(ApprovalApp.OtherExecutive, review.TextOf("decision-record-by"));
    }

    [Fact]
    public async Task DecisionForm_OfADelegateToday_OffersToSignOnTheDelegatorsBehalfAndOthersNot()
    {
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        await fixture.AsAsync(Executive, AppRoles.Executive, s => s.GetRequiredService<Delegations>().DelegateAsync(ApprovalApp.ThirdExecutive, today, today.AddDays(1)));
        var id = await AwaitingDecisionAsync(fixture.App);

        await using var delegateView = await ReviewRendering.RenderAsync(fixture.App, id, ApprovalApp.ThirdExecutive, ExecutiveRole);
        await using var otherView = await ReviewRendering.RenderAsync(fixture.App, id, ApprovalApp.OtherExecutive, ExecutiveRole);

        Assert.True(delegateView.Has("decision-on-behalf-of"));
        Assert.False(otherView.Has("decision-on-behalf-of"));
        Assert.Equal([Executive], await fixture.AsAsync(ApprovalApp.ThirdExecutive, AppRoles.Executive, s => s.GetRequiredService<Delegations>().ActingForTodayAsync()));
    }

    /// <summary>An assessment awaiting its decision, with its live tier set to need two executives and a justification.</summary>
    private async Task<Guid> TwoApprovalsNeededAsync()
    {
        var id = await AwaitingDecisionAsync(fixture.App);
        await fixture.SetRuleAsync(await fixture.LiveTierAsync(id), 2, true);
        return id;
    }

    private Task<IReadOnlyList<ApprovalRuleRow>> RulesAsync() =>
        fixture.AsAsync(Admin, AppRoles.Admin, s => s.GetRequiredService<ApprovalRules>().ListAsync());

    private Task<IReadOnlyList<AssessmentRow>> QueueAsync() =>
        fixture.AsAsync(Executive, AppRoles.Executive, s => s.GetRequiredService<AssessmentListQueries>().FirstPageAsync(AssessmentQueue.Decision));
}
