using System.Text.Json;
using System.Text.Json.Nodes;
using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Monitoring;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DueDiligence.Web.Infrastructure.Auditing;

/// <summary>Turns the change tracker's pending inserts, updates and deletes into audit entries with before/after values.</summary>
internal static class AuditEntryBuilder
{
    /// <summary>Secrets are recorded as changed, never with their values.</summary>
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
        // The fingerprint of a supplier portal link: not the secret, but nobody needs to read it.
        "TokenHash",
        // The data-protection key ring's XML holds the key material itself.
        nameof(DataProtectionKey.Xml),
        // A webhook endpoint's signing secret, even though it is stored protected.
        nameof(WebhookEndpoint.ProtectedSecret),
    };

    private const string RedactedValue = "(redacted)";

    /// <summary>One change to record; <paramref name="Subject"/> names the supplier it belongs to, when it belongs to one.</summary>
    public sealed record Entry(string EntityType, string EntityKey, AuditAction Action, string ChangesJson, AuditSubject? Subject = null)
    {
        public AuditSubject Subject { get; init; } = Subject ?? AuditSubject.None;
    }

    public static List<Entry> Collect(ChangeTracker tracker)
    {
        var entries = new List<Entry>();
        var subjectOf = AuditSubjects.For(tracker);
        foreach (var entry in tracker.Entries())
        {
            // Notifications and mutes are a user's messages and settings, not business records: the change a notification
            // tells about is audited itself (docs/user-guide.md, Notifications). A supplier's position is figures derived
            // from audited changes; what moved it is kept, and audited, as a SupplierPositionChange. Outbox mails and sent
            // reminders are notifications on their way out. An API token's making and revocation are security events of
            // their own (SecurityEvents), without its hash. So are a portal's one-time codes (sent, refused, accepted), and
            // a six-digit code's hash would be no secret in a trail that many read. A webhook delivery is an event on its
            // way out too, written with the audited change and attempted by the sender; an administrator's redelivery of it
            // is audited.
            if (entry.Entity is AuditEvent or JobLease or Notification or NotificationMute or OutboxMail or SentReminder or SupplierPosition or ApiToken
                or Domain.Assessments.PortalCode
                || (entry.Entity is WebhookDelivery && !IsRedelivery(entry))
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            entries.Add(new Entry(EntityName(entry.Metadata), KeyOf(entry), action, changes.ToJsonString(), subjectOf(entry)));
        }

        return entries;
    }

    private static bool IsRedelivery(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Property(nameof(WebhookDelivery.RedeliveredAtUtc)).IsModified;

    private static JsonObject Describe(EntityEntry entry)
    {
        var changes = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            var include = entry.State switch
            {
                EntityState.Modified => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                _ => true,
            };
            if (!include)
            {
                continue;
            }

            // A user token's value (AspNetUserTokens) is the authenticator key or the recovery codes.
            var redact = Redacted.Contains(metadata.Name) || (entry.Entity is IdentityUserToken<string> && metadata.Name == nameof(IdentityUserToken<string>.Value));
            var change = new JsonObject();
            if (entry.State != EntityState.Added)
            {
                change["before"] = redact ? RedactedValue : ToJson(metadata, property.OriginalValue);
            }

            if (entry.State != EntityState.Deleted)
            {
                change["after"] = redact ? RedactedValue : ToJson(metadata, property.CurrentValue);
            }

            changes[metadata.Name] = change;
        }

        return changes;
    }

    private static JsonNode? ToJson(IProperty property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var converter = property.GetValueConverter();
        var stored = converter is null ? value : converter.ConvertToProvider(value);
        return stored switch
        {
            null => null,
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            Enum enumValue => JsonValue.Create(enumValue.ToString()),
            DateTime time => JsonValue.Create(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            _ => JsonSerializer.SerializeToNode(stored),
        };
    }

    private static string EntityName(IEntityType type)
    {
        if (type.HasSharedClrType)
        {
            return type.Name;
        }

        var name = type.ClrType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? "?"
            : string.Join("|", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
