using DueDiligence.Domain.Common;
using DueDiligence.Domain.Sourcing;

namespace DueDiligence.Domain.Tests.Sourcing;

public sealed class PartnerRankingTests
{
    [Fact]
    public void Rank_OrdersByResidualRiskThenControlScoreThenName()
    {
        var ranking = PartnerRanking.Rank(
        [
            Figures("Delta", 30, 50),
            Figures("Alpha", 20, 40),
            Figures("Charlie", 30, 70),
            Figures("Bravo", 30, 70),
        ]);

        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta"], ranking.Select(r => r.SupplierName));
        Assert.Equal([1, 2, 3, 4], ranking.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Rank_WithUnwaivedKnockOut_ListsTheCandidateLastAsExcludedNamingTheKnockOut()
    {
        var ranking = PartnerRanking.Rank(
        [
            Figures("Lowest Risk But Knocked Out", 5, 95, "CT-01 Confidentiality agreement"),
            Figures("Second", 45, 30),
            Figures("Not Assessed Yet", null, null),
        ]);

        Assert.Equal(["Second", "Not Assessed Yet", "Lowest Risk But Knocked Out"], ranking.Select(r => r.SupplierName));
        var excluded = ranking[^1];
        Assert.Equal(CandidateStanding.Excluded, excluded.Standing);
        Assert.Null(excluded.Rank);
        Assert.Equal(["CT-01 Confidentiality agreement"], excluded.KnockOuts);
        Assert.Equal(CandidateStanding.NotAssessed, ranking[1].Standing);
    }

    [Fact]
    public void ChoosePartner_WhenCandidateIsExcluded_IsRefusedNamingTheKnockOut()
    {
        var project = new SourcingProject("Housings", "Injection-moulded housing, 50k units/yr", "u", "U", DateTime.UtcNow);
        var id = Guid.NewGuid();
        project.AddCandidate(id, "U", DateTime.UtcNow);
        var ranking = PartnerRanking.Rank([new CandidateFigures(id, "Knocked", 10, 90, ["CT-02 IP assignment"])]);

        var error = Assert.Throws<DomainException>(() => project.ChoosePartner(id, "memo", ranking, "Eve", DateTime.UtcNow));

        Assert.Contains("CT-02 IP assignment", error.Message, StringComparison.Ordinal);
        Assert.Equal(SourcingStatus.Open, project.Status);
    }

    [Fact]
    public void ChoosePartner_WithMemo_ClosesTheProject()
    {
        var project = new SourcingProject("Housings", "Injection-moulded housing, 50k units/yr", "u", "U", DateTime.UtcNow);
        var id = Guid.NewGuid();
        project.AddCandidate(id, "U", DateTime.UtcNow);
        var ranking = PartnerRanking.Rank([new CandidateFigures(id, "Good", 10, 90, [])]);

        project.ChoosePartner(id, "Lowest residual risk; tooling stays ours.", ranking, "Eve", DateTime.UtcNow);

        Assert.Equal(SourcingStatus.Decided, project.Status);
        Assert.Equal(id, project.ChosenSupplierId);
        Assert.Throws<DomainException>(() => project.AddCandidate(Guid.NewGuid(), "U", DateTime.UtcNow));
    }

    [Fact]
    public void AddCandidate_Twice_IsRefused()
    {
        var project = new SourcingProject("Housings", "Need", "u", "U", DateTime.UtcNow);
        var id = Guid.NewGuid();
        project.AddCandidate(id, "U", DateTime.UtcNow);

        Assert.Throws<DomainException>(() => project.AddCandidate(id, "U", DateTime.UtcNow));
    }

    private static CandidateFigures Figures(string name, double? r, double? c, params string[] knockOuts) =>
        new(Guid.NewGuid(), name, r, c, knockOuts);
}
