using DueDiligence.Domain.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class SupplierInvitationConfiguration : IEntityTypeConfiguration<SupplierInvitation>
{
    public void Configure(EntityTypeBuilder<SupplierInvitation> builder)
    {
        builder.ToTable("SupplierInvitations");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ContactName).HasMaxLength(120).IsRequired();
        builder.Property(i => i.ContactEmail).HasMaxLength(256).IsRequired();
        builder.Property(i => i.SectionCodesJson).HasMaxLength(2000).IsRequired();
        builder.Property(i => i.ReopenedQuestionsJson).HasMaxLength(4000).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.InvitedById).HasMaxLength(450).IsRequired();
        builder.Property(i => i.InvitedByName).HasMaxLength(256).IsRequired();
        builder.Property(i => i.RevokedByName).HasMaxLength(256);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.SectionCodes);
        builder.Ignore(i => i.ReopenedQuestions);
        builder.Ignore(i => i.ContactActor);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.AssessmentId);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClarificationThreadConfiguration : IEntityTypeConfiguration<ClarificationThread>
{
    public void Configure(EntityTypeBuilder<ClarificationThread> builder)
    {
        builder.ToTable("ClarificationThreads");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.QuestionCode).HasMaxLength(40).IsRequired();
        builder.Property(t => t.ResolvedByName).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.IsInternal);
        builder.HasIndex(t => new { t.AssessmentId, t.QuestionCode });
        builder.HasOne<Assessment>().WithMany().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SupplierInvitation>().WithMany().HasForeignKey(t => t.InvitationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Messages).WithOne().HasForeignKey("ThreadId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClarificationMessageConfiguration : IEntityTypeConfiguration<ClarificationMessage>
{
    public void Configure(EntityTypeBuilder<ClarificationMessage> builder)
    {
        builder.ToTable("ClarificationMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Text).HasMaxLength(ClarificationThread.MessageMaxLength).IsRequired();
        builder.Property(m => m.AuthorId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.AuthorName).HasMaxLength(256).IsRequired();
        builder.OwnsOne(m => m.Attachment, attachment =>
        {
            attachment.Property(a => a.FileName).HasColumnName("AttachmentFileName").HasMaxLength(255).IsRequired();
            attachment.Property(a => a.StorageKey).HasColumnName("AttachmentStorageKey").HasMaxLength(64).IsRequired();
            attachment.Property(a => a.Sha256).HasColumnName("AttachmentSha256").HasMaxLength(64).IsRequired();
            attachment.Property(a => a.Length).HasColumnName("AttachmentLength");
            attachment.Property(a => a.ContentType).HasColumnName("AttachmentContentType").HasMaxLength(120).IsRequired();
        });
        builder.Property<Guid>("ThreadId");
    }
}

internal sealed class PortalCodeConfiguration : IEntityTypeConfiguration<PortalCode>
{
    public void Configure(EntityTypeBuilder<PortalCode> builder)
    {
        builder.ToTable("PortalCodes");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        // The codes sent for an invitation in the last hour are counted before another is sent.
        builder.HasIndex(c => new { c.InvitationId, c.CreatedAtUtc });
        builder.HasOne<SupplierInvitation>().WithMany().HasForeignKey(c => c.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
