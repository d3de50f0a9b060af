using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(WebhookEndpoint.NameMaxLength).IsRequired();
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(WebhookEndpoint.ProtectedSecretMaxLength).IsRequired();
        builder.Property(e => e.ConcurrencyStamp).HasMaxLength(32).IsRequired().IsConcurrencyToken();
        // The events by name, "AssessmentDecided,SupplierCreated": readable in the database and in the audit trail.
        builder.Property(e => e.Events)
            .HasConversion(
                events => string.Join(',', events),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<WebhookEventType>).ToList(),
                new ValueComparer<IReadOnlyList<WebhookEventType>>(
                    (a, b) => a!.SequenceEqual(b!), events => events.Aggregate(0, (hash, e) => HashCode.Combine(hash, e)), events => events.ToList()))
            .HasMaxLength(400)
            .IsRequired();
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Payload).HasMaxLength(WebhookDelivery.PayloadMaxLength).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.Property(d => d.RedeliveredByName).HasMaxLength(WebhookDelivery.NameMaxLength);
        builder.Ignore(d => d.IsWaiting);
        // A removed endpoint takes its deliveries with it.
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // The sender's question: what is due and neither delivered nor given up.
        builder.HasIndex(d => new { d.DeliveredAtUtc, d.GaveUpAtUtc, d.NextAttemptAtUtc });
        // An endpoint's delivery log, newest first.
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAtUtc });
    }
}
