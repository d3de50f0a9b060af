using DueDiligence.Domain.Monitoring;
using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class SupplierPositionConfiguration : IEntityTypeConfiguration<SupplierPosition>
{
    public void Configure(EntityTypeBuilder<SupplierPosition> builder)
    {
        builder.ToTable("SupplierPositions");
        builder.HasKey(p => p.SupplierId);
        builder.Property(p => p.SupplierId).ValueGeneratedNever();
        builder.Property(p => p.PolicyId).HasMaxLength(40);
        builder.Property(p => p.DecidedPolicyId).HasMaxLength(40);
        builder.Property(p => p.ChangeReason).HasMaxLength(1000);
        builder.Ignore(p => p.Live);
        builder.Ignore(p => p.Decided);
        builder.Ignore(p => p.LiveTierIsWorseThanDecided);
        builder.HasOne<Supplier>().WithOne().HasForeignKey<SupplierPosition>(p => p.SupplierId).OnDelete(DeleteBehavior.Cascade);

        // The dashboard groups by these; the queue filters on the flag.
        builder.HasIndex(p => new { p.WorstJurisdictionLevel, p.ControlBand });
        builder.HasIndex(p => p.ChangedSinceDecision);
    }
}

internal sealed class SupplierPositionChangeConfiguration : IEntityTypeConfiguration<SupplierPositionChange>
{
    public void Configure(EntityTypeBuilder<SupplierPositionChange> builder)
    {
        builder.ToTable("SupplierPositionChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.What).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.ByName).HasMaxLength(256).IsRequired();
        builder.HasOne<Supplier>().WithMany().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SupplierId, c.AtUtc });
    }
}
