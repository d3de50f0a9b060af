using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Domain.Tests.Approvals;

/// <summary>Delegating a decision queue: its window, its refusals and revocation.</summary>
public sealed class DelegationTests
{
    private static readonly Actor Eve = new("u-eve", "Eve Executive");
    private static readonly Actor Olu = new("u-olu", "Olu Officer");
    private static readonly Actor Tam = new("u-tam", "Tam Treasurer");
    private static readonly DateOnly June1 = new(2026, 6, 1);
    private static readonly DateOnly June14 = new(2026, 6, 14);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [Fact]
    public void IsActiveOn_AcrossTheWindow_HoldsFromTheFirstToTheLastDayIncluded()
    {
        var delegation = Delegation.Create(Eve, Olu, June1, June14, [], Now);

        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 31, 23, 59, 59, TimeSpan.Zero));
        Assert.False(delegation.IsActiveOn(Today));
        _clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True(delegation.IsActiveOn(Today));
        _clock.SetUtcNow(new DateTimeOffset(2026, 6, 14, 23, 59, 59, TimeSpan.Zero));
        Assert.True(delegation.IsActiveOn(Today));
        _clock.SetUtcNow(new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.False(delegation.IsActiveOn(Today));
    }

    [Fact]
    public void Revoke_DuringTheWindow_EndsItAtOnce()
    {
        var delegation = Delegation.Create(Eve, Olu, June1, June14, [], Now);
        _clock.SetUtcNow(new DateTimeOffset(2026, 6, 5, 12, 0, 0, TimeSpan.Zero));

        delegation.Revoke(Eve, Now);

        Assert.False(delegation.IsActiveOn(Today));
        Assert.Equal(("Eve Executive", Now), (delegation.RevokedByName, delegation.RevokedAtUtc));
    }

    [Fact]
    public void Revoke_ByTheDelegate_IsRefused()
    {
        var delegation = Delegation.Create(Eve, Olu, June1, June14, [], Now);

        var error = Assert.Throws<DomainException>(() => delegation.Revoke(Olu, Now));

        Assert.Equal("Only Eve Executive, who delegated the queue, can revoke this delegation.", error.Message);
    }

    [Fact]
    public void Create_ToOneself_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Delegation.Create(Eve, Eve, June1, June14, [], Now));

        Assert.Equal("You cannot delegate your decision queue to yourself; choose another executive.", error.Message);
    }

    [Fact]
    public void Create_StartingYesterday_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Delegation.Create(Eve, Olu, Today.AddDays(-1), June14, [], Now));

        Assert.Equal("A delegation cannot start in the past; choose today (2026-05-20) or a later day.", error.Message);
    }

    [Fact]
    public void Create_EndingBeforeItStarts_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Delegation.Create(Eve, Olu, June14, June1, [], Now));

        Assert.Equal("The last day (2026-06-01) is before the first day (2026-06-14).", error.Message);
    }

    [Fact]
    public void Create_WhenTheQueueIsAlreadyDelegatedForOverlappingDays_IsRefusedNamingTheDelegate()
    {
        var existing = Delegation.Create(Eve, Olu, June1, June14, [], Now);

        var error = Assert.Throws<DomainException>(() => Delegation.Create(Eve, Tam, June14, June14.AddDays(7), [existing], Now));

        Assert.Equal(
            "Your queue is already delegated to Olu Officer from 2026-06-01 to 2026-06-14; revoke that delegation first, or choose days that do not overlap.",
            error.Message);
    }

    [Fact]
    public void Create_TheDayAfterAnEarlierDelegationEnds_IsAccepted()
    {
        var existing = Delegation.Create(Eve, Olu, June1, June14, [], Now);

        var next = Delegation.Create(Eve, Tam, June14.AddDays(1), June14.AddDays(7), [existing], Now);

        Assert.Equal(June14.AddDays(1), next.StartsOn);
    }

    [Fact]
    public void Create_AfterTheOverlappingOneWasRevoked_IsAccepted()
    {
        var existing = Delegation.Create(Eve, Olu, June1, June14, [], Now);
        existing.Revoke(Eve, Now);

        var replacement = Delegation.Create(Eve, Tam, June1, June14, [existing], Now);

        Assert.Equal("Tam Treasurer", replacement.DelegateName);
    }

    [Fact]
    public void Create_ToAnExecutiveWhoIsAwayOnThoseDays_IsRefused()
    {
        var away = Delegation.Create(Olu, Tam, June1, June14, [], Now);

        var error = Assert.Throws<DomainException>(() => Delegation.Create(Eve, Olu, June14, June14, [away], Now));

        Assert.Equal(
            "Olu Officer has delegated their own queue to Tam Treasurer from 2026-06-01 to 2026-06-14; choose another executive or days that do not overlap.",
            error.Message);
    }

    [Fact]
    public void Create_ByADelegateWhileTheyActForSomeone_IsRefusedBecauseDelegationsDoNotChain()
    {
        var covering = Delegation.Create(Eve, Olu, June1, June14, [], Now);

        var error = Assert.Throws<DomainException>(() => Delegation.Create(Olu, Tam, June1, June1, [covering], Now));

        Assert.StartsWith("You act for Eve Executive from 2026-06-01 to 2026-06-14; delegations do not pass on", error.Message);
    }

    [Fact]
    public void Create_TwoExecutivesToTheSameDelegate_IsAccepted()
    {
        var first = Delegation.Create(Eve, Olu, June1, June14, [], Now);

        var second = Delegation.Create(Tam, Olu, June1, June14, [first], Now);

        Assert.Equal("Olu Officer", second.DelegateName);
    }
}
