using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        // A deleted account takes its notifications with it.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // The bell's unread count, and the list newest first.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAtUtc });
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAtUtc });
    }
}

internal sealed class NotificationMuteConfiguration : IEntityTypeConfiguration<NotificationMute>
{
    public void Configure(EntityTypeBuilder<NotificationMute> builder)
    {
        // A key of its own: (user id, category) is over SQL Server's 900 bytes for a primary key, fine for a unique index.
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        // Rows from before e-mail mutes are in-app mutes.
        builder.Property(m => m.Channel).HasDefaultValue(NotificationChannel.InApp);
        builder.HasIndex(m => new { m.UserId, m.Category, m.Channel }).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageId).HasMaxLength(OutboxMail.MessageIdMaxLength).IsRequired();
        builder.HasIndex(m => m.MessageId).IsUnique();
        // No user for a mail to someone outside the app (a supplier contact).
        builder.Property(m => m.RecipientId).HasMaxLength(450);
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMail.AddressMaxLength).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(OutboxMail.NameMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectMaxLength).IsRequired();
        builder.Property(m => m.TextBody).HasMaxLength(OutboxMail.TextBodyMaxLength).IsRequired();
        builder.Property(m => m.HtmlBody).HasMaxLength(OutboxMail.HtmlBodyMaxLength).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorMaxLength);
        // A deleted account takes its unsent mails with it.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // The sender's question: what is due and not yet sent or given up.
        builder.HasIndex(m => new { m.SentAtUtc, m.GaveUpAtUtc, m.NextAttemptAtUtc });
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(SentReminder.KindMaxLength).IsRequired();
        // Once per kind, item and day, across instances: a second insert fails.
        builder.HasIndex(r => new { r.Kind, r.ItemId, r.OnDate }).IsUnique();
    }
}
