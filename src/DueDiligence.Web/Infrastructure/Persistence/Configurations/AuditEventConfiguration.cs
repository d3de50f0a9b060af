using DueDiligence.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(128).IsRequired();
        builder.Property(e => e.EntityKey).HasMaxLength(128).IsRequired();
        builder.Property(e => e.Changes).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        // Events written before the keyed chain get rule 1 from the migration (AuditChainKeyed), which also forbids
        // UPDATE and DELETE on this table in the database itself.
        builder.Property(e => e.ChainVersion).IsRequired();
        // The supplier's History tab: its events, newest first, found by the index (not by searching the changes' text).
        builder.Property(e => e.SupplierKey).HasMaxLength(36);
        builder.HasIndex(e => new { e.SupplierKey, e.Id });
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
        builder.HasIndex(e => e.OccurredAtUtc);
        builder.HasIndex(e => e.Actor);
    }
}
