using DueDiligence.Domain.Common;
using DueDiligence.Domain.Tooling;

namespace DueDiligence.Domain.Tests.ToolCustody;

public sealed class ToolTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly ToolPlace Shenzhen = new(Guid.NewGuid(), Guid.NewGuid(), "Brightpath — Shenzhen, China");

    [Fact]
    public void Transfer_RecordsFromToCustodianAndSignOff_AfterTheRegistration()
    {
        var tool = NewTool();

        tool.Transfer(Shenzhen, "Lin Wei", "Lin Wei", Today, "Shipped.", "Ana Analyst", Now);

        Assert.Equal((Shenzhen.SupplierId, Shenzhen.SiteId, Shenzhen.Name, "Lin Wei"), (tool.SupplierId, tool.SiteId, tool.PlaceName, tool.Custodian));
        Assert.Equal([(null, "In-house", 1), ("In-house", Shenzhen.Name, 2)], tool.Transfers.Select(t => (t.FromName, t.ToName, t.Sequence)));
        Assert.Equal(("Lin Wei", Today, "Ana Analyst"), (tool.Transfers[1].SignedOffBy, tool.Transfers[1].SignedOn, tool.Transfers[1].RecordedByName));
    }

    [Fact]
    public void Transfer_WhenSignedTomorrow_IsRefused()
    {
        var tool = NewTool();

        var error = Assert.Throws<DomainException>(() => tool.Transfer(Shenzhen, "Lin Wei", "Lin Wei", Today.AddDays(1), null, "Ana", Now));

        Assert.Equal("The hand-over cannot be signed in the future (2026-12-06).", error.Message);
        Assert.Single(tool.Transfers);
    }

    [Fact]
    public void Transfer_WhenSignedBeforeTheLastHandOver_IsRefused()
    {
        var tool = NewTool();

        var error = Assert.Throws<DomainException>(() => tool.Transfer(Shenzhen, "Lin Wei", "Lin Wei", Today.AddDays(-11), null, "Ana", Now));

        Assert.Equal("The hand-over cannot be signed before the last one (2026-11-25).", error.Message);
    }

    [Fact]
    public void Transfer_ToTheSamePlaceAndCustodian_IsRefused()
    {
        var tool = NewTool();

        var error = Assert.Throws<DomainException>(() => tool.Transfer(ToolPlace.InHouse, " tooling engineering ", "Jana", Today, null, "Ana", Now));

        Assert.Equal("MLD-1 is already at In-house with Tooling engineering; choose another place or custodian.", error.Message);
    }

    [Fact]
    public void Transfer_WithoutSignOff_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => NewTool().Transfer(Shenzhen, "Lin Wei", " ", Today, null, "Ana", Now));

        Assert.Equal("Name the person who signed the hand-over.", error.Message);
    }

    private static Tool NewTool() => new("MLD-1", "Mould", ToolPlace.InHouse, "Tooling engineering", "Jana Weiss", Today.AddDays(-10), "Ana Analyst", Now.AddDays(-10));
}
