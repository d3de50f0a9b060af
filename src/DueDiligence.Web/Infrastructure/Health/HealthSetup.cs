using System.Text.Json;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Health;

/// <summary>
/// Health endpoints for the compose file and a load balancer, without sign-in: <c>/health/live</c> (the process answers;
/// restart it if not), <c>/health/ready</c> (the database reads, the evidence folder takes a file, Chromium is there to
/// print reports; send it requests only then; "Degraded", still 200, when more e-mails wait in the outbox than
/// <c>Health:OutboxBacklogLimit</c>). They answer each check's name and status and nothing else: no paths,
/// versions or error messages. <c>/health</c> stays the database check it always was.
/// </summary>
public static class HealthSetup
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>How many e-mails may wait in the outbox before readiness reports it (<c>Health:OutboxBacklogLimit</c>).</summary>
    public const int DefaultOutboxBacklogLimit = 500;

    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<EvidenceFolderWritable>("evidence-folder", tags: [ReadyTag])
            .AddCheck<ChromiumAvailable>("chromium", tags: [ReadyTag])
            // Degraded, not unhealthy: a mail server that is down must not take every instance out of the load balancer.
            .AddCheck<OutboxBacklogBounded>("outbox-backlog", failureStatus: HealthStatus.Degraded, tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapAppHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Name == "database" }).AllowAnonymous();
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>{"status":"Unhealthy","checks":{"database":"Healthy","chromium":"Unhealthy",…}}: names and statuses only.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }

    /// <summary>A file can be written to, and removed from, the evidence folder.</summary>
    private sealed class EvidenceFolderWritable(EvidenceFolder folder) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var probe = Path.Combine(folder.Path, $".health-{Guid.NewGuid():N}.tmp");
            try
            {
                await File.WriteAllBytesAsync(probe, [1], cancellationToken);
                File.Delete(probe);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return HealthCheckResult.Unhealthy(e.GetType().Name);
            }
        }
    }

    /// <summary>The Chromium that prints reports (<c>Pdf:ChromiumPath</c>) exists and may be run.</summary>
    private sealed class ChromiumAvailable(IOptions<PdfOptions> pdf) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            return Task.FromResult(ChromiumExecutable.IsRunnable(pdf.Value.ChromiumPath) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
        }
    }

    /// <summary>No more e-mails wait in the outbox than <c>Health:OutboxBacklogLimit</c> (500 unless set).</summary>
    private sealed class OutboxBacklogBounded(OutboxBacklog outbox, IConfiguration configuration) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var limit = configuration.GetValue("Health:OutboxBacklogLimit", DefaultOutboxBacklogLimit);
            var backlog = await outbox.ReadAsync(cancellationToken);
            return backlog.Pending <= limit ? HealthCheckResult.Healthy() : new HealthCheckResult(context.Registration.FailureStatus);
        }
    }
}
