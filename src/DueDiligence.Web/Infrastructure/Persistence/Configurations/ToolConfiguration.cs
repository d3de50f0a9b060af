using DueDiligence.Domain.Suppliers;
using DueDiligence.Domain.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class ToolConfiguration : IEntityTypeConfiguration<Tool>
{
    public void Configure(EntityTypeBuilder<Tool> builder)
    {
        builder.ToTable("Tools");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Tag).HasMaxLength(40).IsRequired();
        builder.HasIndex(t => t.Tag).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(500).IsRequired();
        builder.Property(t => t.PlaceName).HasMaxLength(300).IsRequired();
        builder.Property(t => t.Custodian).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Place);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(t => t.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.SupplierId);
        builder.HasMany(t => t.Transfers).WithOne().HasForeignKey("ToolId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Transfers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Photos).WithOne().HasForeignKey("ToolId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ToolTransferConfiguration : IEntityTypeConfiguration<ToolTransfer>
{
    public void Configure(EntityTypeBuilder<ToolTransfer> builder)
    {
        builder.ToTable("ToolTransfers");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.FromName).HasMaxLength(300);
        builder.Property(t => t.ToName).HasMaxLength(300).IsRequired();
        builder.Property(t => t.Custodian).HasMaxLength(200).IsRequired();
        builder.Property(t => t.SignedOffBy).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.Property(t => t.RecordedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex("ToolId", nameof(ToolTransfer.Sequence)).IsUnique();
    }
}

internal sealed class ToolPhotoConfiguration : IEntityTypeConfiguration<ToolPhoto>
{
    public void Configure(EntityTypeBuilder<ToolPhoto> builder)
    {
        builder.ToTable("ToolPhotos");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.OriginalFileName).HasMaxLength(255).IsRequired();
        builder.Property(p => p.StorageKey).HasMaxLength(32).IsRequired();
        builder.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(p => p.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(p => p.UploadedByName).HasMaxLength(256).IsRequired();
    }
}
