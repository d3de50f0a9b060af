using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Admin.Webhooks;

/// <summary>What an administrator enters for an endpoint: a name, the address, the events it wants.</summary>
public sealed class WebhookEndpointInput
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public HashSet<WebhookEventType> Events { get; set; } = [];
}

/// <summary>An endpoint as the list shows it, with how its deliveries stand; never its secret.</summary>
public sealed record WebhookEndpointRow(
    Guid Id, string Name, string Url, IReadOnlyList<WebhookEventType> Events, bool IsPaused, DateTime CreatedAtUtc, string ConcurrencyStamp, int Waiting, int GivenUp);

/// <summary>An endpoint just registered, or given a new secret, with the secret the administrator sees this once.</summary>
public sealed record NewWebhookSecret(WebhookEndpointRow Endpoint, string Secret);

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    Waiting,
    Retrying,
    Delivered,
    GivenUp,
}

/// <summary>One line of an endpoint's delivery log.</summary>
public sealed record WebhookDeliveryRow(
    Guid Id, WebhookEventType EventType, DateTime CreatedAtUtc, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTime? LastAttemptAtUtc, DateTime? NextAttemptAtUtc, DateTime? RedeliveredAtUtc, string? RedeliveredByName);

/// <summary>
/// Administrators register webhook endpoints (address checked by <see cref="WebhookTargets"/>, a secret shown once),
/// change, pause, resume and remove them, give one a new secret, read each endpoint's delivery log and send a delivery
/// again. Every change is audited through the audited save (the secret redacted); so is a redelivery.
/// </summary>
public sealed class WebhookAdministration(
    IDbContextFactory<AppDbContext> contexts, CurrentUser currentUser, WebhookTargets targets, WebhookSecrets secrets, TimeProvider time)
{
    /// <summary>Most lines of a delivery log shown: the newest.</summary>
    public const int LogLength = 200;

    private const string Gone = "This endpoint no longer exists: another administrator removed it.";

    public async Task<IReadOnlyList<WebhookEndpointRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var counts = await CountsAsync(db, null, cancellationToken);
        return [.. endpoints.Select(e => Row(e, counts))];
    }

    public async Task<NewWebhookSecret> RegisterAsync(WebhookEndpointInput input, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        await new InputValidator(targets).ValidateAndThrowAsync(input, cancellationToken);
        var (secret, protectedSecret) = secrets.Create();
        var endpoint = new WebhookEndpoint(input.Name, new Uri(input.Url.Trim()), input.Events, protectedSecret, time.UtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return new NewWebhookSecret(Row(endpoint, []), secret);
    }

    /// <summary>Changes name, address and events of the endpoint as it was read (<paramref name="concurrencyStamp"/>).</summary>
    public async Task<WebhookEndpointRow> UpdateAsync(Guid id, string concurrencyStamp, WebhookEndpointInput input, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        await new InputValidator(targets).ValidateAndThrowAsync(input, cancellationToken);
        return await ChangeAsync(id, concurrencyStamp, e => e.Change(input.Name, new Uri(input.Url.Trim()), input.Events), cancellationToken);
    }

    public async Task<WebhookEndpointRow> SetPausedAsync(Guid id, string concurrencyStamp, bool paused, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        return await ChangeAsync(id, concurrencyStamp, e => e.SetPaused(paused), cancellationToken);
    }

    /// <summary>A new secret, shown once; the old one stops signing at once.</summary>
    public async Task<NewWebhookSecret> ReplaceSecretAsync(Guid id, string concurrencyStamp, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        var (secret, protectedSecret) = secrets.Create();
        return new NewWebhookSecret(await ChangeAsync(id, concurrencyStamp, e => e.ReplaceSecret(protectedSecret), cancellationToken), secret);
    }

    /// <summary>Removes the endpoint and its delivery log; nothing more is sent to it.</summary>
    public async Task RemoveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new DomainException(Gone);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The endpoint and its newest deliveries, newest first.</summary>
    public async Task<(WebhookEndpointRow Endpoint, IReadOnlyList<WebhookDeliveryRow> Deliveries)> DeliveriesAsync(Guid endpointId, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId, cancellationToken) ?? throw new DomainException(Gone);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAtUtc).ThenBy(d => d.Id).Take(LogLength).ToListAsync(cancellationToken);
        return (Row(endpoint, await CountsAsync(db, endpointId, cancellationToken)), [.. deliveries.Select(Row)]);
    }

    /// <summary>Sends a delivery again, as it was (the same delivery id and payload), at the sender's next round.</summary>
    public async Task<WebhookDeliveryRow> RedeliverAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken)
            ?? throw new DomainException("This delivery no longer exists: its endpoint was removed.");
        delivery.Redeliver(await currentUser.GetActorNameAsync(), time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Row(delivery);
    }

    private async Task<WebhookEndpointRow> ChangeAsync(Guid id, string concurrencyStamp, Action<WebhookEndpoint> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new DomainException(Gone);
        if (endpoint.ConcurrencyStamp != concurrencyStamp)
        {
            throw new ConcurrencyConflictException($"Another administrator changed \"{endpoint.Name}\" since you opened it; nothing was saved. Reload the page and try again.");
        }

        change(endpoint);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException($"Another administrator changed \"{endpoint.Name}\" at the same time; nothing was saved. Reload the page and try again.");
        }

        return Row(endpoint, await CountsAsync(db, id, cancellationToken));
    }

    private async Task RequireAdminAsync() => await currentUser.RequireAnyRoleAsync(AppRoles.Admin);

    private static async Task<Dictionary<Guid, (int Waiting, int GivenUp)>> CountsAsync(AppDbContext db, Guid? endpointId, CancellationToken cancellationToken)
    {
        var counts = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.DeliveredAtUtc == null && (endpointId == null || d.EndpointId == endpointId))
            .GroupBy(d => d.EndpointId)
            .Select(g => new { g.Key, Waiting = g.Count(d => d.GaveUpAtUtc == null), GivenUp = g.Count(d => d.GaveUpAtUtc != null) })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => (c.Waiting, c.GivenUp));
    }

    private static WebhookEndpointRow Row(WebhookEndpoint e, Dictionary<Guid, (int Waiting, int GivenUp)> counts)
    {
        var (waiting, givenUp) = counts.GetValueOrDefault(e.Id);
        return new(e.Id, e.Name, e.Url, e.Events, e.IsPaused, e.CreatedAtUtc, e.ConcurrencyStamp, waiting, givenUp);
    }

    private static WebhookDeliveryRow Row(WebhookDelivery d) => new(
        d.Id, d.EventType, d.CreatedAtUtc, StatusOf(d), d.Attempts, d.LastStatusCode, d.LastError, d.LastAttemptAtUtc,
        d.IsWaiting ? d.NextAttemptAtUtc : null, d.RedeliveredAtUtc, d.RedeliveredByName);

    private static WebhookDeliveryStatus StatusOf(WebhookDelivery d) =>
        d.DeliveredAtUtc is not null ? WebhookDeliveryStatus.Delivered
        : d.GaveUpAtUtc is not null ? WebhookDeliveryStatus.GivenUp
        : d.FailuresInARow > 0 ? WebhookDeliveryStatus.Retrying
        : WebhookDeliveryStatus.Waiting;

    private sealed class InputValidator : AbstractValidator<WebhookEndpointInput>
    {
        public InputValidator(WebhookTargets targets)
        {
            RuleFor(i => i.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the endpoint a name that says what receives it, e.g. \"ERP supplier sync\".")
                .MaximumLength(WebhookEndpoint.NameMaxLength).WithMessage($"The name is at most {WebhookEndpoint.NameMaxLength} characters.");
            RuleFor(i => i.Events).NotEmpty().WithMessage("Choose at least one event the endpoint wants.");
            RuleFor(i => i.Url).Cascade(CascadeMode.Stop)
                .MaximumLength(WebhookEndpoint.UrlMaxLength).WithMessage($"The address is at most {WebhookEndpoint.UrlMaxLength} characters.")
                .CustomAsync(async (url, context, cancellationToken) =>
                {
                    if (await targets.RefusalAsync(url, cancellationToken) is { } refusal)
                    {
                        context.AddFailure(nameof(WebhookEndpointInput.Url), refusal);
                    }
                });
        }
    }
}
