using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Approvals;

/// <summary>One tier's approval rule as the administration page shows it.</summary>
public sealed record ApprovalRuleRow(RiskTier Tier, int RequiredApprovals, bool JustificationRequired, string? UpdatedByName, DateTime? UpdatedAtUtc, Guid Version);

/// <summary>The approval rules by tier: everyone who takes part in decisions reads them; only administrators change them (audited).</summary>
public sealed class ApprovalRules(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    private static readonly string[] Readers = [.. AssessmentAccess.Participants, AppRoles.Admin];

    public async Task<IReadOnlyList<ApprovalRuleRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ApprovalRules.AsNoTracking().ToListAsync(cancellationToken);
        return Enum.GetValues<RiskTier>()
            .Select(tier => stored.Find(r => r.Tier == tier) ?? ApprovalRule.DefaultFor(tier))
            .Select(r => new ApprovalRuleRow(r.Tier, r.RequiredApprovals, r.JustificationRequired, r.UpdatedByName, r.UpdatedAtUtc, r.Version))
            .ToList();
    }

    /// <summary>An administrator changes one tier's rule; it applies to every approval from now on, including the next one on an assessment already part-approved.</summary>
    /// <param name="expectedVersion">The version the administrator saw: a rule changed meanwhile by someone else is not overwritten.</param>
    public async Task<ApprovalRuleRow> ChangeAsync(RiskTier tier, int requiredApprovals, bool justificationRequired, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.ApprovalRules.FirstOrDefaultAsync(r => r.Tier == tier, cancellationToken)
            ?? throw new DomainException($"There is no approval rule for tier {tier}; reload the page.");
        db.Entry(rule).Property(r => r.Version).OriginalValue = expectedVersion;
        rule.Change(requiredApprovals, justificationRequired, actor, time.UtcNow());
        await db.SaveOrConflictAsync($"Someone else changed the rule for tier {tier} a moment ago. Nothing was overwritten; reload the page to see their change.", cancellationToken);
        return new ApprovalRuleRow(rule.Tier, rule.RequiredApprovals, rule.JustificationRequired, rule.UpdatedByName, rule.UpdatedAtUtc, rule.Version);
    }

    /// <summary>The rule that applies to an approval at <paramref name="tier"/>.</summary>
    internal static async Task<ApprovalRule> ForTierAsync(AppDbContext db, RiskTier tier, CancellationToken cancellationToken) =>
        await db.ApprovalRules.AsNoTracking().FirstOrDefaultAsync(r => r.Tier == tier, cancellationToken) ?? ApprovalRule.DefaultFor(tier);
}
