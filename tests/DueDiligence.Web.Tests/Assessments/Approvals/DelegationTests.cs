using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Assessments.Approvals;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments.Approvals;

/// <summary>An executive delegates their decision queue for a range of days; the delegate decides on their behalf inside it only.</summary>
public sealed class DelegationTests(ApprovalApp fixture) : IClassFixture<ApprovalApp>
{
    private DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Delegate_ToAnAnalyst_IsRefused()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => DelegateAsync(Executive, Analyst, Today, Today.AddDays(3)));

        Assert.Equal("Choose an executive whose account is active: only executives decide, so only they can take over a decision queue.", refusal.Message);
    }

    [Fact]
    public async Task Delegate_ToOneself_IsRefused()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => DelegateAsync(Executive, Executive, Today, Today.AddDays(3)));

        Assert.Equal("You cannot delegate your decision queue to yourself; choose another executive.", refusal.Message);
    }

    [Fact]
    public async Task Delegate_WhenNotAnExecutive_IsForbidden() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.AsAsync(Legal, AppRoles.LegalReviewer, s => s.GetRequiredService<Delegations>()
            .DelegateAsync(ApprovalApp.OtherExecutive, Today, Today.AddDays(3))));

    [Fact]
    public async Task DecideOnBehalf_AcrossTheWindow_IsAllowedFromTheFirstToTheLastDayOnly()
    {
        var start = Today.AddDays(10);
        var end = start.AddDays(4);
        var delegation = await DelegateAsync(ApprovalApp.ThirdExecutive, ApprovalApp.OtherExecutive, start, end);
        var id = await AwaitingDecisionAsync(fixture.App);
        var later = await AwaitingDecisionAsync(fixture.App);

        // The fake clock only moves forward: the second before the first day, the last second of the last day, the day after.
        fixture.Clock.SetUtcNow(new DateTimeOffset(start.AddDays(-1).ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero));
        await Assert.ThrowsAsync<ForbiddenException>(() => OnBehalfAsync(id));
        fixture.Clock.SetUtcNow(new DateTimeOffset(end.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero));
        var decision = await OnBehalfAsync(id);
        fixture.Clock.SetUtcNow(new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await Assert.ThrowsAsync<ForbiddenException>(() => OnBehalfAsync(later));

        Assert.NotNull(decision);
        var signOff = Assert.Single((await LoadAsync(fixture.App, id, Executive, ExecutiveRole)).Assessment.SignOffs);
        Assert.Equal($"{ApprovalApp.OtherExecutive} on behalf of {ApprovalApp.ThirdExecutive}", signOff.SignedBy);
        Assert.Equal(delegation.DelegatorName, signOff.OnBehalfOfName);
        Assert.Empty((await LoadAsync(fixture.App, later, Executive, ExecutiveRole)).Assessment.SignOffs);
    }

    [Fact]
    public async Task DecideOnBehalf_AfterTheDelegatorRevoked_IsForbiddenAndRevokingIsAudited()
    {
        var delegation = await DelegateAsync(Executive, ApprovalApp.ThirdExecutive, Today, Today.AddDays(2));
        await fixture.AsAsync(Executive, AppRoles.Executive, s => s.GetRequiredService<Delegations>().RevokeAsync(delegation.Id));
        var id = await AwaitingDecisionAsync(fixture.App);

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            fixture.DecideAsync(ApprovalApp.ThirdExecutive, id, DecisionOutcome.Approved, "Justified.", onBehalfOf: Executive));

        Assert.StartsWith("You may decide on behalf of another executive only while they have delegated their decision queue to you", refusal.Message);
        Assert.Empty((await LoadAsync(fixture.App, id, Executive, ExecutiveRole)).Assessment.SignOffs);
        await using var db = await fixture.App.CreateDbContextAsync();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "Delegation" && e.EntityKey == delegation.Id.ToString()).ToListAsync();
        Assert.Equal([Domain.Auditing.AuditAction.Insert, Domain.Auditing.AuditAction.Update], events.OrderBy(e => e.Id).Select(e => e.Action));
    }

    [Fact]
    public async Task Revoke_ByTheDelegate_IsForbidden()
    {
        var delegation = await DelegateAsync(ApprovalApp.OtherExecutive, ApprovalApp.ThirdExecutive, Today.AddDays(40), Today.AddDays(41));

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            fixture.AsAsync(ApprovalApp.ThirdExecutive, AppRoles.Executive, s => s.GetRequiredService<Delegations>().RevokeAsync(delegation.Id)));
    }

    [Fact]
    public async Task Delegate_OverlappingTheQueueAlreadyDelegated_IsRefusedNamingTheDelegate()
    {
        await DelegateAsync(ApprovalApp.OtherExecutive, Executive, Today.AddDays(60), Today.AddDays(65));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => DelegateAsync(ApprovalApp.OtherExecutive, ApprovalApp.ThirdExecutive, Today.AddDays(65), Today.AddDays(70)));

        Assert.StartsWith($"Your queue is already delegated to {Executive}", refusal.Message);
    }

    private Task<DelegationRow> DelegateAsync(string delegator, string delegateTo, DateOnly first, DateOnly last) =>
        fixture.AsAsync(delegator, AppRoles.Executive, s => s.GetRequiredService<Delegations>().DelegateAsync(delegateTo, first, last));

    private Task<AssessmentDecision?> OnBehalfAsync(Guid id) =>
        fixture.DecideAsync(ApprovalApp.OtherExecutive, id, DecisionOutcome.Approved, "Justified for the delegator.", onBehalfOf: ApprovalApp.ThirdExecutive);
}
