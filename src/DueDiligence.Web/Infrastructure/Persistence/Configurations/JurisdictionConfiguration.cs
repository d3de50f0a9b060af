using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.ToTable("Jurisdictions");
        builder.HasKey(j => j.Country);
        builder.Property(j => j.Country).HasConversion(Conversions.CountryCode).HasMaxLength(2);
        builder.Property(j => j.Name).HasMaxLength(120).IsRequired();
        builder.Property(j => j.ReferenceNotes).HasMaxLength(2000);
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.Ignore(j => j.CurrentRating);
        builder.HasMany(j => j.Indicators).WithOne().HasForeignKey("Country").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(j => j.Ratings).WithOne().HasForeignKey("Country").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(j => j.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(j => j.Ratings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("JurisdictionIndicators");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Value).HasMaxLength(60);
        builder.Property(i => i.Source).HasMaxLength(300).IsRequired();
        builder.Property(i => i.Licence).HasMaxLength(200).IsRequired();
        builder.Property(i => i.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Property<CountryCode>("Country").HasConversion(Conversions.CountryCode).HasMaxLength(2);
        builder.HasIndex("Country", nameof(IndicatorValue.Indicator)).IsUnique();
    }
}

internal sealed class JurisdictionRatingConfiguration : IEntityTypeConfiguration<JurisdictionRating>
{
    public void Configure(EntityTypeBuilder<JurisdictionRating> builder)
    {
        builder.ToTable("JurisdictionRatings");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Rationale).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.ReviewerId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ReviewerName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.EnforcementNotes).HasMaxLength(4000);
        builder.Property(r => r.FirstToFileNotes).HasMaxLength(4000);
        builder.Property(r => r.RecommendedCounsel).HasMaxLength(1000);
        builder.Property<CountryCode>("Country").HasConversion(Conversions.CountryCode).HasMaxLength(2);
        builder.HasIndex("Country", nameof(JurisdictionRating.RatedAtUtc));
    }
}
