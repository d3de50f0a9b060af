using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    private static readonly ValueConverter<TemplateDefinition, string> SnapshotJson =
        new(d => TemplateJson.Serialize(d), json => TemplateSnapshots.Read(json));

    // The snapshot is never mutated after the assessment starts (reads get clones), so the reference tells whether it changed:
    // no serialising of a 60-question template on every autosave.
    private static readonly ValueComparer<TemplateDefinition> SameSnapshot = new(
        (a, b) => ReferenceEquals(a, b), d => RuntimeHelpers.GetHashCode(d), d => d);

    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("Assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.TemplateName).HasMaxLength(TemplateVersionConfiguration.NameMaxLength).IsRequired();
        builder.Property(a => a.Template)
            .HasField("_template")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(SnapshotJson, SameSnapshot)
            .IsRequired();
        builder.Property(a => a.AnalystId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.AnalystName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.ReturnReason).HasMaxLength(4000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.AllowedTransitions);
        builder.Ignore(a => a.WaivedKnockOuts);
        builder.Ignore(a => a.IsReadOnly);
        builder.Ignore(a => a.PendingApprovals);
        builder.Ignore(a => a.CarryForwardNotes);
        builder.Property(a => a.CarryForwardNotesJson).IsRequired().HasDefaultValue("[]");
        builder.HasIndex(a => a.CarriedFromAssessmentId);

        builder.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TemplateVersion>().WithMany().HasForeignKey(a => a.TemplateVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Status);
        builder.HasIndex(a => a.AnalystId);

        builder.OwnsOne(a => a.Decision, decision =>
        {
            decision.Property(d => d.Rationale).HasMaxLength(8000).HasColumnName("DecisionRationale");
            decision.Property(d => d.Outcome).HasColumnName("DecisionOutcome");
            decision.Property(d => d.DecidedById).HasMaxLength(450).HasColumnName("DecidedById");
            decision.Property(d => d.DecidedByName).HasMaxLength(256).HasColumnName("DecidedByName");
            decision.Property(d => d.DecidedAtUtc).HasColumnName("DecisionAtUtc");
            decision.Property(d => d.ReassessmentDueOn).HasColumnName("ReassessmentDueOn");
            decision.Property(d => d.Tier).HasColumnName("DecisionTier");
            decision.Property(d => d.ResidualRisk).HasColumnName("DecisionResidualRisk");
        });

        builder.OwnsOne(a => a.LegalOpinion, opinion =>
        {
            opinion.Property(o => o.Text).HasMaxLength(LegalOpinion.MaxLength).HasColumnName("LegalOpinion");
            opinion.Property(o => o.ById).HasMaxLength(450).HasColumnName("LegalOpinionById");
            opinion.Property(o => o.ByName).HasMaxLength(256).HasColumnName("LegalOpinionByName");
            opinion.Property(o => o.AtUtc).HasColumnName("LegalOpinionAtUtc");
        });

        Children(builder.HasMany(a => a.Answers));
        Children(builder.HasMany(a => a.Evidence));
        Children(builder.HasMany(a => a.Findings));
        Children(builder.HasMany(a => a.Conditions));
        Children(builder.HasMany(a => a.Waivers));
        Children(builder.HasMany(a => a.ScoreSnapshots));
        Children(builder.HasMany(a => a.Transitions));
        Children(builder.HasMany(a => a.SignOffs));
        Children(builder.HasMany(a => a.CarriedSections));
        foreach (var navigation in new[]
                 {
                     nameof(Assessment.Answers), nameof(Assessment.Evidence), nameof(Assessment.Findings), nameof(Assessment.Conditions),
                     nameof(Assessment.Waivers), nameof(Assessment.ScoreSnapshots), nameof(Assessment.Transitions),
                     nameof(Assessment.SignOffs), nameof(Assessment.CarriedSections),
                 })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }

    private static void Children<T>(CollectionNavigationBuilder<Assessment, T> children)
        where T : class =>
        children.WithOne().HasForeignKey("AssessmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
}

internal sealed class AssessmentAnswerConfiguration : IEntityTypeConfiguration<AssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswer> builder)
    {
        builder.ToTable("AssessmentAnswers");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.QuestionCode).HasMaxLength(40).IsRequired();
        builder.Property(a => a.OptionCodesJson).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.Text).HasMaxLength(8000);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        builder.Property(a => a.EvidenceJustification).HasMaxLength(4000);
        builder.Property(a => a.UpdatedById).HasMaxLength(450).IsRequired();
        builder.Property(a => a.UpdatedByName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.GivenByContact).HasMaxLength(120);
        builder.Property(a => a.AcceptedByName).HasMaxLength(256);
        builder.Ignore(a => a.AwaitsAcceptance);
        builder.Ignore(a => a.OptionCodes);
        builder.Ignore(a => a.HasValue);
        builder.Property<Guid>("AssessmentId");
        builder.HasIndex("AssessmentId", nameof(AssessmentAnswer.QuestionCode)).IsUnique();
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.QuestionCode).HasMaxLength(40).IsRequired();
        builder.Property(e => e.OriginalFileName).HasMaxLength(255).IsRequired();
        builder.Property(e => e.StorageKey).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(120).IsRequired();
        builder.Property(e => e.UploadedById).HasMaxLength(450).IsRequired();
        builder.Property(e => e.UploadedByName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.VerifiedById).HasMaxLength(450);
        builder.Property(e => e.VerifiedByName).HasMaxLength(256);
        builder.Property(e => e.WithdrawalReason).HasMaxLength(1000);
        builder.Property(e => e.WithdrawnById).HasMaxLength(450);
        builder.Property(e => e.WithdrawnByName).HasMaxLength(256);
        builder.Ignore(e => e.IsVerified);
        builder.Property(e => e.InsufficientReason).HasMaxLength(1000);
        builder.Property(e => e.InsufficientById).HasMaxLength(450);
        builder.Property(e => e.InsufficientByName).HasMaxLength(256);
        builder.Ignore(e => e.IsWithdrawn);
        builder.Ignore(e => e.IsInsufficient);
        builder.Ignore(e => e.CountsAsAttached);
        builder.Ignore(e => e.IsCarriedForward);
        builder.Property(e => e.CarriedById).HasMaxLength(450);
        builder.Property(e => e.GivenByContact).HasMaxLength(120);

        // A stored file is linked at most once per assessment; a reassessment links the files it carried forward again.
        builder.Property<Guid>("AssessmentId");
        builder.HasIndex(nameof(EvidenceFile.StorageKey), "AssessmentId").IsUnique();
    }
}

internal sealed class CarriedSectionConfiguration : IEntityTypeConfiguration<CarriedSection>
{
    public void Configure(EntityTypeBuilder<CarriedSection> builder)
    {
        builder.ToTable("CarriedSections");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.SectionCode).HasMaxLength(40).IsRequired();
        builder.Property(c => c.ConfirmedById).HasMaxLength(450);
        builder.Property(c => c.ConfirmedByName).HasMaxLength(256);
        builder.Ignore(c => c.IsConfirmed);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("Findings");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Description).HasMaxLength(4000).IsRequired();
        builder.Property(f => f.RecommendedMitigation).HasMaxLength(4000);
        builder.Property(f => f.Owner).HasMaxLength(200).IsRequired();
        // My work: the items a user owns.
        builder.Property(f => f.OwnerId).HasMaxLength(450);
        builder.HasIndex(f => f.OwnerId);
        builder.Ignore(f => f.OwnerLabel);
        builder.Property(f => f.QuestionCode).HasMaxLength(40);
        builder.Property(f => f.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(f => f.CreatedByName).HasMaxLength(256).IsRequired();
        builder.Property(f => f.ResolvedById).HasMaxLength(450);
        builder.Property(f => f.ResolvedByName).HasMaxLength(256);
        builder.Property(f => f.WaiverReason).HasMaxLength(4000);
        builder.Ignore(f => f.IsOutstanding);
        FollowUp.Configure(builder, f => f.History, f => f.Evidence, "FindingId");
    }
}

internal sealed class ContractConditionConfiguration : IEntityTypeConfiguration<ContractCondition>
{
    public void Configure(EntityTypeBuilder<ContractCondition> builder)
    {
        builder.ToTable("ContractConditions");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Description).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.Owner).HasMaxLength(200).IsRequired();
        builder.Property(c => c.OwnerId).HasMaxLength(450);
        builder.HasIndex(c => c.OwnerId);
        builder.Ignore(c => c.OwnerLabel);
        builder.Property(c => c.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(c => c.CreatedByName).HasMaxLength(256).IsRequired();
        builder.Property(c => c.MetById).HasMaxLength(450);
        builder.Property(c => c.MetByName).HasMaxLength(256);
        builder.Property(c => c.WaiverReason).HasMaxLength(4000);
        builder.Ignore(c => c.IsOutstanding);
        FollowUp.Configure(builder, c => c.History, c => c.Evidence, "ContractConditionId");
    }
}

/// <summary>
/// The follow-up of a condition or a finding: its history and its evidence of fulfilment, one table each shared by both
/// (a nullable key to each), always loaded with their item. Their rows are removed with their item by EF Core, not by the
/// database: two cascade paths from an assessment to one table are refused by SQL Server (and assessments are never deleted).
/// </summary>
internal static class FollowUp
{
    public static void Configure<T>(
        EntityTypeBuilder<T> builder, Expression<Func<T, IEnumerable<RemediationStep>?>> history,
        Expression<Func<T, IEnumerable<FulfilmentEvidence>?>> evidence, string foreignKey)
        where T : class
    {
        builder.HasMany(history).WithOne().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.ClientCascade);
        builder.HasMany(evidence).WithOne().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.ClientCascade);
        builder.Navigation(history).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Navigation(evidence).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class RemediationStepConfiguration : IEntityTypeConfiguration<RemediationStep>
{
    public void Configure(EntityTypeBuilder<RemediationStep> builder)
    {
        builder.ToTable("RemediationSteps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Note).HasMaxLength(4000);
        builder.Property(s => s.ById).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ByName).HasMaxLength(256).IsRequired();
    }
}

internal sealed class FulfilmentEvidenceConfiguration : IEntityTypeConfiguration<FulfilmentEvidence>
{
    public void Configure(EntityTypeBuilder<FulfilmentEvidence> builder)
    {
        builder.ToTable("FulfilmentEvidence");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.OriginalFileName).HasMaxLength(255).IsRequired();
        builder.Property(e => e.StorageKey).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(120).IsRequired();
        builder.Property(e => e.UploadedById).HasMaxLength(450).IsRequired();
        builder.Property(e => e.UploadedByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(e => e.StorageKey).IsUnique();
    }
}

internal sealed class KnockOutWaiverConfiguration : IEntityTypeConfiguration<KnockOutWaiver>
{
    public void Configure(EntityTypeBuilder<KnockOutWaiver> builder)
    {
        builder.ToTable("KnockOutWaivers");
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.QuestionCode).HasMaxLength(40).IsRequired();
        builder.Property(w => w.Rationale).HasMaxLength(4000).IsRequired();
        builder.Property(w => w.WaivedById).HasMaxLength(450).IsRequired();
        builder.Property(w => w.WaivedByName).HasMaxLength(256).IsRequired();
    }
}

internal sealed class ScoreSnapshotConfiguration : IEntityTypeConfiguration<ScoreSnapshot>
{
    public void Configure(EntityTypeBuilder<ScoreSnapshot> builder)
    {
        builder.ToTable("ScoreSnapshots");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PolicyId).HasMaxLength(40).IsRequired();
        builder.Property(s => s.ResultJson).IsRequired();
    }
}

internal sealed class AssessmentTransitionConfiguration : IEntityTypeConfiguration<AssessmentTransition>
{
    public void Configure(EntityTypeBuilder<AssessmentTransition> builder)
    {
        builder.ToTable("AssessmentTransitions");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ById).HasMaxLength(450).IsRequired();
        builder.Property(t => t.ByName).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Reason).HasMaxLength(4000);
    }
}

internal sealed class DecisionSignOffConfiguration : IEntityTypeConfiguration<DecisionSignOff>
{
    public void Configure(EntityTypeBuilder<DecisionSignOff> builder)
    {
        builder.ToTable("DecisionSignOffs");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Rationale).HasMaxLength(4000).IsRequired();
        builder.Property(s => s.Justification).HasMaxLength(4000);
        builder.Property(s => s.ById).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ByName).HasMaxLength(256).IsRequired();
        builder.Property(s => s.OnBehalfOfId).HasMaxLength(450);
        builder.Property(s => s.OnBehalfOfName).HasMaxLength(256);
        builder.Ignore(s => s.IsApproval);
        builder.Ignore(s => s.OfRecordId);
        builder.Ignore(s => s.SignedBy);
    }
}
