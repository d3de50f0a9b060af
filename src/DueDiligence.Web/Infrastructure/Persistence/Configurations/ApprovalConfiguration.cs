using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class ApprovalRuleConfiguration : IEntityTypeConfiguration<ApprovalRule>
{
    public void Configure(EntityTypeBuilder<ApprovalRule> builder)
    {
        builder.ToTable("ApprovalRules");
        builder.HasKey(r => r.Tier);
        builder.Property(r => r.UpdatedByName).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // One rule per tier from the first migration on, so that every tier always has a rule; fixed versions keep the model stable.
        builder.HasData(
            Default(RiskTier.Low, "6f1c2a10-0000-4000-8000-000000000001"),
            Default(RiskTier.Medium, "6f1c2a10-0000-4000-8000-000000000002"),
            Default(RiskTier.High, "6f1c2a10-0000-4000-8000-000000000003"),
            Default(RiskTier.Critical, "6f1c2a10-0000-4000-8000-000000000004"));
    }

    private static object Default(RiskTier tier, string version)
    {
        var rule = ApprovalRule.DefaultFor(tier);
        return new { rule.Tier, rule.RequiredApprovals, rule.JustificationRequired, Version = Guid.Parse(version) };
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.ToTable("Delegations");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DelegatorId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.DelegatorName).HasMaxLength(256).IsRequired();
        builder.Property(d => d.DelegateId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.DelegateName).HasMaxLength(256).IsRequired();
        builder.Property(d => d.RevokedByName).HasMaxLength(256);
        builder.Ignore(d => d.IsRevoked);
        builder.Ignore(d => d.Period);
        builder.HasIndex(d => d.DelegatorId);
        builder.HasIndex(d => d.DelegateId);
    }
}
