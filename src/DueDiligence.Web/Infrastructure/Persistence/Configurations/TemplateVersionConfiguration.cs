using DueDiligence.Domain.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class TemplateVersionConfiguration : IEntityTypeConfiguration<TemplateVersion>
{
    public const int NameMaxLength = 200;

    // The definition is stored in the documented exchange format, so that the column reads (and exports) without the code.
    private static readonly ValueConverter<TemplateDefinition, string> DefinitionJson =
        new(d => TemplateJson.Serialize(d), json => TemplateJson.Deserialize(json));

    // TemplateDefinition is a mutable class without value equality: compare by content and snapshot a deep copy.
    private static readonly ValueComparer<TemplateDefinition> DefinitionContent = new(
        (a, b) => a == null ? b == null : b != null && TemplateJson.Serialize(a) == TemplateJson.Serialize(b),
        d => TemplateJson.Serialize(d).GetHashCode(StringComparison.Ordinal),
        d => d.Clone());

    public void Configure(EntityTypeBuilder<TemplateVersion> builder)
    {
        builder.ToTable("TemplateVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(NameMaxLength).IsRequired();
        builder.Property(v => v.Definition)
            .HasField("_definition")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(DefinitionJson, DefinitionContent)
            .IsRequired();
        builder.Property(v => v.EditStamp).IsConcurrencyToken();
        builder.HasIndex(v => new { v.TemplateKey, v.VersionNumber }).IsUnique();
        builder.HasIndex(v => v.Status);
    }
}
