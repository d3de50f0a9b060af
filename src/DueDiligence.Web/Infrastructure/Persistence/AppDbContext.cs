using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Approvals;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Monitoring;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Domain.Tooling;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DueDiligence.Web.Infrastructure.Persistence;

/// <summary>
/// The one provider-neutral model: identity, the domain's aggregates, the audit trail, the data-protection keys, the
/// leases of scheduled work, the users' notifications, e-mail outbox, API tokens and webhooks. Each database provider derives a small context of its own (<see cref="Providers"/>) that
/// carries its migrations and what only that provider needs; nothing else in the app knows the provider.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Supplier> Suppliers => Set<Supplier>();

    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();

    public DbSet<IpRight> IpRights => Set<IpRight>();

    public DbSet<CountryTreaties> CountryTreaties => Set<CountryTreaties>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<SupplierInvitation> SupplierInvitations => Set<SupplierInvitation>();

    public DbSet<ClarificationThread> ClarificationThreads => Set<ClarificationThread>();

    public DbSet<ApprovalRule> ApprovalRules => Set<ApprovalRule>();

    public DbSet<Delegation> Delegations => Set<Delegation>();

    public DbSet<SourcingProject> SourcingProjects => Set<SourcingProject>();

    public DbSet<TemplateVersion> TemplateVersions => Set<TemplateVersion>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationMute> NotificationMutes => Set<NotificationMute>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<SentReminder> SentReminders => Set<SentReminder>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<SupplierPosition> SupplierPositions => Set<SupplierPosition>();

    public DbSet<SupplierPositionChange> SupplierPositionChanges => Set<SupplierPositionChange>();

    public DbSet<Tool> Tools => Set<Tool>();

    public DbSet<ProductComponent> ProductComponents => Set<ProductComponent>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<Clause> Clauses => Set<Clause>();

    public DbSet<FileRelease> FileReleases => Set<FileRelease>();

    /// <summary>The transaction the audit interceptor opened for the save in progress, if it opened one.</summary>
    internal IDbContextTransaction? AuditTransaction { get; set; }

    /// <summary>The last audit event appended in the transaction in progress: checkpointed once that transaction commits.</summary>
    internal AuditEvent? UncommittedAuditHead { get; set; }

    /// <summary>
    /// Where the audit chain stood when read with a query inside the transaction in progress, after its lock was taken
    /// (<see cref="Auditing.AuditChainTip"/>): the next append links to it instead of reading it again. Cleared when that
    /// transaction ends.
    /// </summary>
    internal Auditing.AuditChainTip? AuditChainTip { get; set; }

    /// <summary>The transaction that took the audit chain's lock; a later call inside it has nothing to take again.</summary>
    private IDbContextTransaction? _auditChainLockedBy;

    /// <summary>
    /// Inside the transaction in progress, takes the database-level lock that serialises appends to the audit chain
    /// across every app instance; it is held until the transaction ends. Taken once per transaction.
    /// </summary>
    internal async Task LockAuditChainAsync(CancellationToken cancellationToken)
    {
        var transaction = Database.CurrentTransaction
            ?? throw new InvalidOperationException("The audit chain's lock is taken inside a transaction.");
        if (!ReferenceEquals(transaction, _auditChainLockedBy))
        {
            await TakeAuditChainLockAsync(cancellationToken);
            _auditChainLockedBy = transaction;
        }
    }

    /// <summary>Whether the transaction in progress holds the audit chain's lock.</summary>
    internal bool HoldsAuditChainLock => Database.CurrentTransaction is { } transaction && ReferenceEquals(transaction, _auditChainLockedBy);

    /// <summary>The provider's lock on the audit chain, inside the transaction in progress and held until it ends.</summary>
    private protected abstract Task TakeAuditChainLockAsync(CancellationToken cancellationToken);

    /// <summary>Applies the pending migrations; where the provider's own lock is not enough, one instance at a time.</summary>
    internal virtual Task MigrateOneInstanceAtATimeAsync(CancellationToken cancellationToken) => Database.MigrateAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so that the database reads without the code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
