using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class IpRightConfiguration : IEntityTypeConfiguration<IpRight>
{
    // The protected asset kinds as one readable column, "BrandAssets,DesignFiles", the same on every provider.
    private static readonly ValueConverter<List<IpAssetCategory>, string> AssetList = new(
        list => string.Join(',', list),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<IpAssetCategory>).ToList());

    private static readonly ValueComparer<List<IpAssetCategory>> AssetListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());

    public void Configure(EntityTypeBuilder<IpRight> builder)
    {
        builder.ToTable("IpRights");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Number).HasMaxLength(60);
        builder.Property(r => r.OwnerEntity).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Protects).HasConversion(AssetList, AssetListComparer).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.Title);
        builder.HasMany(r => r.Countries).WithOne().HasForeignKey("IpRightId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Countries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IpRightCountryConfiguration : IEntityTypeConfiguration<IpRightCountry>
{
    public void Configure(EntityTypeBuilder<IpRightCountry> builder)
    {
        builder.ToTable("IpRightCountries");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Country).HasConversion(Conversions.CountryCode).HasMaxLength(2).IsRequired();
        builder.HasIndex(c => c.Country);
    }
}

internal sealed class CountryTreatiesConfiguration : IEntityTypeConfiguration<CountryTreaties>
{
    public void Configure(EntityTypeBuilder<CountryTreaties> builder)
    {
        builder.ToTable("CountryTreaties");
        builder.HasKey(t => t.Country);
        builder.Property(t => t.Country).HasConversion(Conversions.CountryCode).HasMaxLength(2);
        builder.Property(t => t.SourceIds).HasMaxLength(1000);
        builder.Property(t => t.Notes).HasMaxLength(2000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasMany(t => t.Values).WithOne().HasForeignKey("Country").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TreatyValueConfiguration : IEntityTypeConfiguration<TreatyValue>
{
    public void Configure(EntityTypeBuilder<TreatyValue> builder)
    {
        builder.ToTable("TreatyValues");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Value).HasMaxLength(10);
        builder.Property(v => v.Source).HasMaxLength(300).IsRequired();
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(v => v.Reading);
        builder.Ignore(v => v.Citation);
        builder.Property<CountryCode>("Country").HasConversion(Conversions.CountryCode).HasMaxLength(2);
        builder.HasIndex("Country", nameof(TreatyValue.Fact)).IsUnique();
    }
}
