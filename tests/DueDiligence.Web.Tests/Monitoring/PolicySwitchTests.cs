using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Monitoring.MonitoringApp;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>
/// The start-up recompute after a change of scoring policy: suppliers whose tier changes through the switch go on the
/// queue with the policy as the reason; the position records the policy it was computed with.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class PolicySwitchTests(MonitoringApp app)
{
    private const string OldPolicy = "ipdd-2025.9";

    [Fact]
    public async Task StartUpRecompute_WhenTheTierChangesThroughThePolicySwitch_QueuesTheSupplierWithThePolicy()
    {
        var switched = await app.NewSupplierAsync(LowCountry);
        var switchedDecision = await app.DecidedAsync(switched, maturity: 2); // Medium under the current policy
        var unchanged = await app.NewSupplierAsync(LowCountry);
        var unchangedDecision = await app.DecidedAsync(unchanged, maturity: 2);
        // As if both were decided under the old policy, the first one as Low: the current policy moves it to Medium.
        await DecidedUnderOldPolicyAsync(switchedDecision, switched, RiskTier.Low);
        await DecidedUnderOldPolicyAsync(unchangedDecision, unchanged, RiskTier.Medium);

        await app.AsUserAsync("system", [], async s =>
        {
            var updater = s.GetRequiredService<SupplierPositionUpdater>();
            var stale = await updater.NotCurrentAsync(CancellationToken.None);
            Assert.Contains(switched, stale);
            await updater.RecomputeAsync(stale, PositionTrigger.StartUp, CancellationToken.None);
        });

        var row = Assert.Single(await app.QueueAsync([switched, unchanged]));
        Assert.Equal((switched, RiskTier.Low, RiskTier.Medium), (row.SupplierId, row.Decided.Tier, row.Live.Tier));
        Assert.Equal((OldPolicy, ScoringPolicy.Default.Id), (row.DecidedPolicyId, row.LivePolicyId));
        var version = ScoringPolicy.Default.Id[(ScoringPolicy.Default.Id.LastIndexOf('-') + 1)..];
        Assert.Equal($"policy {version} ({ScoringPolicy.Default.Id} replaces {OldPolicy})", row.Reason);
        Assert.Equal(ScoringPolicy.Default.Id, (await app.PositionAsync(unchanged)).PolicyId);
    }

    private async Task DecidedUnderOldPolicyAsync(Guid assessmentId, Guid supplierId, RiskTier tier)
    {
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Assessments.Where(a => a.Id == assessmentId).SelectMany(a => a.ScoreSnapshots).Where(k => k.Kind == ScoreSnapshotKind.Decision)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.Tier, tier).SetProperty(k => k.PolicyId, OldPolicy));
        await db.SupplierPositions.Where(p => p.SupplierId == supplierId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PolicyId, OldPolicy).SetProperty(p => p.DecidedTier, tier).SetProperty(p => p.DecidedPolicyId, OldPolicy));
    }
}
