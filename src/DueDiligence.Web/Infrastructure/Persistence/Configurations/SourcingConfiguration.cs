using DueDiligence.Domain.Sourcing;
using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class SourcingProjectConfiguration : IEntityTypeConfiguration<SourcingProject>
{
    public void Configure(EntityTypeBuilder<SourcingProject> builder)
    {
        builder.ToTable("SourcingProjects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Need).HasMaxLength(2000).IsRequired();
        builder.Property(p => p.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.OwnerName).HasMaxLength(256).IsRequired();
        builder.Property(p => p.DecisionMemo).HasMaxLength(8000);
        builder.Property(p => p.DecidedByName).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Supplier>().WithMany().HasForeignKey(p => p.ChosenSupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Candidates).WithOne().HasForeignKey("SourcingProjectId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Candidates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Collaborators).WithOne().HasForeignKey("SourcingProjectId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Collaborators).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SourcingCandidateConfiguration : IEntityTypeConfiguration<SourcingCandidate>
{
    public void Configure(EntityTypeBuilder<SourcingCandidate> builder)
    {
        builder.ToTable("SourcingCandidates");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AddedByName).HasMaxLength(256).IsRequired();
        builder.HasOne<Supplier>().WithMany().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.Property<Guid>("SourcingProjectId");
        builder.HasIndex("SourcingProjectId", nameof(SourcingCandidate.SupplierId)).IsUnique();
    }
}

internal sealed class SourcingCollaboratorConfiguration : IEntityTypeConfiguration<SourcingCollaborator>
{
    public void Configure(EntityTypeBuilder<SourcingCollaborator> builder)
    {
        builder.ToTable("SourcingCollaborators");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(256).IsRequired();
        builder.HasIndex("SourcingProjectId", nameof(SourcingCollaborator.UserId)).IsUnique();
        builder.HasIndex(c => c.UserId);
    }
}
