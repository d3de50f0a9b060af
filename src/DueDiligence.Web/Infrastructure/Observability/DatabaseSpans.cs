using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DueDiligence.Web.Infrastructure.Observability;

/// <summary>
/// A span for every database command EF Core runs, on all three providers, from EF Core's own diagnostic events
/// (the OpenTelemetry instrumentation for EF Core is still a beta). A span names the statement's kind and the database
/// system, never the SQL text or its parameters. One listener per process, as the diagnostic events are process-wide.
/// </summary>
internal sealed class DatabaseSpans : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new DatabaseSpans()));

    private readonly ConcurrentDictionary<Guid, Activity> _open = new();

    public static void Start() => _ = Subscription.Value;

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            listener.Subscribe(this, IsCommandEvent);
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandErrorEventData failed when _open.TryRemove(failed.CommandId, out var activity):
                activity.SetStatus(ActivityStatusCode.Error, failed.Exception.GetType().Name);
                activity.Stop();
                break;
            case CommandEndEventData ended when _open.TryRemove(ended.CommandId, out var activity):
                activity.Stop();
                break;
            case CommandEventData starting when value.Key == RelationalEventId.CommandExecuting.Name:
                var operation = Operation(starting.Command.CommandText);
                var caller = Activity.Current;
                var span = Telemetry.Source.StartActivity($"db {operation}", ActivityKind.Client);
                // The span ends in another event, maybe on another flow: it must not stay the caller's current one.
                Activity.Current = caller;
                if (span is not null)
                {
                    span.SetTag("db.system.name", SystemName(starting.Context?.Database.ProviderName));
                    span.SetTag("db.operation.name", operation);
                    _open[starting.CommandId] = span;
                }

                break;
        }
    }

    private static bool IsCommandEvent(string name) =>
        name == RelationalEventId.CommandExecuting.Name || name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.CommandError.Name;

    /// <summary>The statement's first word (SELECT, INSERT, …); what follows may carry values.</summary>
    private static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(" \r\n\t(;");
        var word = (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
        return word.Length is > 0 and <= 16 && word.All(char.IsAsciiLetter) ? word : "SQL";
    }

    private static string SystemName(string? provider) => provider switch
    {
        { } p when p.Contains("Sqlite", StringComparison.Ordinal) => "sqlite",
        { } p when p.Contains("SqlServer", StringComparison.Ordinal) => "microsoft.sql_server",
        { } p when p.Contains("Npgsql", StringComparison.Ordinal) => "postgresql",
        _ => "other_sql",
    };

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
