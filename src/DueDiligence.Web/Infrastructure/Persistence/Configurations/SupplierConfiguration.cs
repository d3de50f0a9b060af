using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.ToTable("Suppliers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.LegalName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.LegalNameKey).HasMaxLength(200).IsRequired();
        builder.Property(s => s.MatchKey).HasMaxLength(LegalNames.MaxLength).IsRequired();
        builder.Property(s => s.MatchStem).HasMaxLength(LegalNames.MaxLength).IsRequired();
        builder.Property(s => s.RegistrationNumber).HasMaxLength(60);
        builder.Property(s => s.Duns).HasMaxLength(9);
        builder.Property(s => s.Lei).HasMaxLength(20);
        builder.Property(s => s.VatNumber).HasMaxLength(30);
        builder.Property(s => s.HqCountry).HasConversion(Conversions.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(s => s.Website).HasMaxLength(300);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.OwnerName).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.MaxSensitivity);

        builder.HasIndex(s => new { s.LegalNameKey, s.HqCountry }).IsUnique();
        // The duplicate check on saving finds the same name in the same country by the first (SupplierCommands); the check
        // while typing reads every stem from the second and then the suppliers of the stems alike (SupplierQueries).
        builder.HasIndex(s => new { s.MatchKey, s.HqCountry });
        builder.HasIndex(s => s.MatchStem);
        // The dashboard's counts read these two indexes alone, not the table (tier × status; reassessments due by status),
        // and the list's filters by status and by tier use their first column; "my suppliers" with a status reads one range.
        builder.HasIndex(s => new { s.Status, s.ReassessmentDueOn });
        builder.HasIndex(s => s.HqCountry);
        builder.HasIndex(s => new { s.OwnerId, s.Status });
        builder.HasIndex(s => new { s.LatestTier, s.Status });

        builder.HasMany(s => s.Sites).WithOne().HasForeignKey("SupplierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Subcontractors).WithOne().HasForeignKey("SupplierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Contacts).WithOne().HasForeignKey("SupplierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Exposure).WithOne().HasForeignKey("SupplierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Collaborators).WithOne().HasForeignKey("SupplierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Supplier.Sites), nameof(Supplier.Subcontractors), nameof(Supplier.Contacts), nameof(Supplier.Exposure), nameof(Supplier.Collaborators) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("SupplierSites");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Country).HasConversion(Conversions.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(s => s.City).HasMaxLength(120).IsRequired();
        builder.Property(s => s.Activities).HasMaxLength(300);
        builder.HasIndex(s => s.Country);
    }
}

internal sealed class SubcontractorConfiguration : IEntityTypeConfiguration<Subcontractor>
{
    public void Configure(EntityTypeBuilder<Subcontractor> builder)
    {
        builder.ToTable("SupplierSubcontractors");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Country).HasConversion(Conversions.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(s => s.Activity).HasMaxLength(200).IsRequired();
        // Subcontractors recorded before policy ipdd-2026.2 start "not confirmed", counted as handling our IP.
        builder.Property(s => s.IpHandling).HasDefaultValue(SubcontractorIpHandling.NotConfirmed).HasSentinel((SubcontractorIpHandling)(-1));
        builder.Ignore(s => s.CountsInJurisdiction);
        builder.Ignore(s => s.IpHandlingText);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("SupplierContacts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(120).IsRequired();
        builder.Property(c => c.Role).HasMaxLength(120);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Phone).HasMaxLength(60);
    }
}

internal sealed class ExposureItemConfiguration : IEntityTypeConfiguration<ExposureItem>
{
    public void Configure(EntityTypeBuilder<ExposureItem> builder)
    {
        builder.ToTable("SupplierExposure");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Note).HasMaxLength(500);
    }
}

internal sealed class SupplierCollaboratorConfiguration : IEntityTypeConfiguration<SupplierCollaborator>
{
    public void Configure(EntityTypeBuilder<SupplierCollaborator> builder)
    {
        builder.ToTable("SupplierCollaborators");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(256).IsRequired();
        builder.HasIndex("SupplierId", nameof(SupplierCollaborator.UserId)).IsUnique();
        builder.HasIndex(c => c.UserId);
    }
}
