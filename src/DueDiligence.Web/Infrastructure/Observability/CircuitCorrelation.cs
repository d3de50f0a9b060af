using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DueDiligence.Web.Infrastructure.Observability;

/// <summary>
/// One correlation id per interactive session (Blazor circuit): every log line written while the circuit handles an
/// event, a navigation or a script's answer carries it in its scope (<c>CircuitCorrelationId</c>). Also counts the open
/// circuits. It is an id of our own, not the framework's circuit id, which must stay secret.
/// </summary>
public sealed class CircuitCorrelation(AppMetrics metrics, ILogger<CircuitCorrelation> logger) : CircuitHandler
{
    public const string ScopeKey = "CircuitCorrelationId";

    public string Id { get; } = CorrelationIdMiddleware.NewId();

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        using (Scope())
        {
            logger.LogDebug("Circuit opened.");
        }

        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        using (Scope())
        {
            logger.LogDebug("Circuit closed.");
        }

        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (Scope())
            {
                await next(context);
            }
        };

    private IDisposable? Scope() => logger.BeginScope(new LogScope(ScopeKey, Id));
}
