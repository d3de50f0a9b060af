using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Domain.Tooling;

namespace DueDiligence.Domain.Tests.ToolCustody;

public sealed class CustodyCheckTests
{
    private static readonly ToolPlace AtSite = new(Guid.NewGuid(), Guid.NewGuid(), "Brightpath — Shenzhen, China");

    [Fact]
    public void FlagFor_WhenInHouse_IsNull()
    {
        Assert.Null(CustodyCheck.FlagFor(ToolPlace.InHouse, holder: null));
    }

    [Theory]
    [InlineData(SupplierStatus.Approved)]
    [InlineData(SupplierStatus.ApprovedWithConditions)]
    public void FlagFor_WhenApprovedSupplierListsTheSite_IsNull(SupplierStatus status)
    {
        Assert.Null(CustodyCheck.FlagFor(AtSite, new SiteHolder("Brightpath", status, DecisionOutcome.Approved, SiteIsListed: true)));
    }

    [Theory]
    [InlineData(SupplierStatus.Prospect, "Brightpath is not an approved supplier (a prospect, never assessed).")]
    [InlineData(SupplierStatus.Rejected, "Brightpath is not an approved supplier (rejected).")]
    [InlineData(SupplierStatus.Offboarded, "Brightpath is not an approved supplier (offboarded).")]
    [InlineData(SupplierStatus.UnderAssessment, "Brightpath is not an approved supplier (under its first assessment).")]
    public void FlagFor_WhenSupplierIsNotApproved_SaysWhy(SupplierStatus status, string expected)
    {
        Assert.Equal(expected, CustodyCheck.FlagFor(AtSite, new SiteHolder("Brightpath", status, null, SiteIsListed: true)));
    }

    [Theory]
    [InlineData(DecisionOutcome.Approved, true)]
    [InlineData(DecisionOutcome.ApprovedWithConditions, true)]
    [InlineData(DecisionOutcome.Rejected, false)]
    public void FlagFor_WhenUnderReassessment_FollowsTheLatestDecision(DecisionOutcome latest, bool inOrder)
    {
        var flag = CustodyCheck.FlagFor(AtSite, new SiteHolder("Brightpath", SupplierStatus.UnderAssessment, latest, SiteIsListed: true));

        Assert.Equal(inOrder, flag is null);
    }

    [Fact]
    public void FlagFor_WhenApprovedSupplierNoLongerListsTheSite_IsFlagged()
    {
        var flag = CustodyCheck.FlagFor(AtSite, new SiteHolder("Brightpath", SupplierStatus.Approved, DecisionOutcome.Approved, SiteIsListed: false));

        Assert.Equal("The site is no longer one of Brightpath's sites.", flag);
    }

    [Fact]
    public void FlagFor_WhenSupplierIsGone_IsFlagged()
    {
        Assert.Equal("The supplier of this site is no longer in the register.", CustodyCheck.FlagFor(AtSite, holder: null));
    }
}
