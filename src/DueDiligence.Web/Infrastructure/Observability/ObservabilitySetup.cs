using DueDiligence.Web.Infrastructure.Backups;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Pdf;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DueDiligence.Web.Infrastructure.Observability;

/// <summary>
/// What an operator sees of the running app (docs/operations.md): the log format (<c>Logging:Format</c>), a correlation id
/// per request and per circuit in every log line's scope, the app's metrics, and OpenTelemetry traces and metrics sent
/// over OTLP — only when <c>OpenTelemetry:OtlpEndpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set.
/// </summary>
public static class ObservabilitySetup
{
    public const string ServiceName = "duediligence";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        UseLogFormat(builder);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<OutboxBacklog>();
        builder.Services.AddSingleton<AppMetrics>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCorrelation>());
        if (OtlpEndpoint(builder.Configuration) is { } endpoint)
        {
            AddOpenTelemetry(builder, endpoint);
        }

        return builder;
    }

    /// <summary>First in the pipeline, so that every line logged for a request carries its correlation id.</summary>
    public static IApplicationBuilder UseObservability(this IApplicationBuilder app) => app.UseMiddleware<CorrelationIdMiddleware>();

    /// <summary><c>json</c>: one JSON object per line with the scopes (correlation ids); <c>simple</c> (the default): readable lines.</summary>
    private static void UseLogFormat(WebApplicationBuilder builder)
    {
        switch (builder.Configuration["Logging:Format"]?.Trim().ToLowerInvariant())
        {
            case null or "" or "simple":
                break;
            case "json":
                builder.Logging.AddJsonConsole(options =>
                {
                    options.IncludeScopes = true;
                    options.UseUtcTimestamp = true;
                    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                });
                break;
            default:
                throw new InvalidOperationException($"Logging:Format must be \"json\" or \"simple\", not \"{builder.Configuration["Logging:Format"]}\".");
        }
    }

    private static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var configured = configuration["OpenTelemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        return Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"
            ? endpoint
            : throw new InvalidOperationException($"OpenTelemetry:OtlpEndpoint must be the collector's address, e.g. http://otel-collector:4317, not \"{configured}\".");
    }

    private static void AddOpenTelemetry(WebApplicationBuilder builder, Uri endpoint)
    {
        var protocol = builder.Configuration["OpenTelemetry:OtlpProtocol"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OpenTelemetry:OtlpProtocol must be \"grpc\" or \"http/protobuf\", not \"{other}\"."),
        };

        DatabaseSpans.Start();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                ServiceName, serviceVersion: AppVersion.Current, serviceInstanceId: InstanceIdentity.FromConfiguration(builder.Configuration).Name))
            .WithTracing(tracing => tracing
                .AddSource(Telemetry.SourceName)
                // A load balancer asks for health every few seconds: those requests would drown the others.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(AppMetrics.MeterName, PdfMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter(protocol, endpoint);
    }
}
