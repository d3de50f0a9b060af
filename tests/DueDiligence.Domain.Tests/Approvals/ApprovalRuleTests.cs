using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Tests.Approvals;

/// <summary>The approval rules by tier: their defaults and their bounds.</summary>
public sealed class ApprovalRuleTests
{
    [Theory]
    [InlineData(RiskTier.Low, 1, false)]
    [InlineData(RiskTier.Medium, 1, false)]
    [InlineData(RiskTier.High, 1, false)]
    [InlineData(RiskTier.Critical, 2, true)]
    public void DefaultFor_EachTier_IsTheIssuedPolicy(RiskTier tier, int approvals, bool justification)
    {
        var rule = ApprovalRule.DefaultFor(tier);

        Assert.Equal((approvals, justification), (rule.RequiredApprovals, rule.JustificationRequired));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Change_WhenTheCountIsOutOfBounds_IsRefusedAndTheRuleStays(int approvals)
    {
        var rule = ApprovalRule.DefaultFor(RiskTier.High);

        var error = Assert.Throws<DomainException>(() => rule.Change(approvals, true, new Actor("u-admin", "Adam Admin"), DateTime.UtcNow));

        Assert.Equal($"An approval rule needs between 1 and 3 executives; {approvals} is outside that range.", error.Message);
        Assert.Equal((1, false), (rule.RequiredApprovals, rule.JustificationRequired));
    }

    [Fact]
    public void Describe_ForCritical_SaysTwoDistinctExecutivesAndAJustification() =>
        Assert.Equal("2 distinct executives and a written justification", ApprovalRule.DefaultFor(RiskTier.Critical).Describe());
}
