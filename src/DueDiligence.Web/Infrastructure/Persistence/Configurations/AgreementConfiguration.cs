using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.OurEntity).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContractingEntity).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContractingEntityCountry).HasConversion(Conversions.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(a => a.GoverningLaw).HasConversion(Conversions.CountryCode).HasMaxLength(2);
        builder.Property(a => a.ForumCountry).HasConversion(Conversions.CountryCode).HasMaxLength(2);
        builder.Property(a => a.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.SupplierId);
        builder.OwnsOne(a => a.SignedFile, file =>
        {
            file.Property(f => f.StorageKey).HasColumnName("SignedFileStorageKey").HasMaxLength(32);
            file.Property(f => f.Sha256).HasColumnName("SignedFileSha256").HasMaxLength(64);
            file.Property(f => f.Length).HasColumnName("SignedFileLength");
            file.Property(f => f.ContentType).HasColumnName("SignedFileContentType").HasMaxLength(100);
            file.Property(f => f.OriginalFileName).HasColumnName("SignedFileName").HasMaxLength(260);
            file.Property(f => f.UploadedBy).HasColumnName("SignedFileUploadedBy").HasMaxLength(256);
            file.Property(f => f.UploadedAtUtc).HasColumnName("SignedFileUploadedAtUtc");
        });
        builder.HasMany(a => a.Clauses).WithOne().HasForeignKey("AgreementId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Clauses).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClauseCheckConfiguration : IEntityTypeConfiguration<ClauseCheck>
{
    public void Configure(EntityTypeBuilder<ClauseCheck> builder)
    {
        builder.ToTable("AgreementClauseChecks");
        builder.HasKey("AgreementId", nameof(ClauseCheck.ClauseId));
        builder.Property(c => c.Reference).HasMaxLength(60);
        builder.Property(c => c.CheckedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<Clause>().WithMany().HasForeignKey(c => c.ClauseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClauseConfiguration : IEntityTypeConfiguration<Clause>
{
    public void Configure(EntityTypeBuilder<Clause> builder)
    {
        builder.ToTable("Clauses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(120).IsRequired();
        builder.Property(c => c.Purpose).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.ExpectedIn).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class FileReleaseConfiguration : IEntityTypeConfiguration<FileRelease>
{
    public void Configure(EntityTypeBuilder<FileRelease> builder)
    {
        builder.ToTable("FileReleases");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FileName).HasMaxLength(260).IsRequired();
        builder.Property(r => r.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ApprovedById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ApprovedByName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.EvidenceStorageKey).HasMaxLength(32);
        builder.Property(r => r.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SupplierId, r.ReleasedOn });
    }
}
