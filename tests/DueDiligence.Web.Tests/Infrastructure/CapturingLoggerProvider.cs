using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>Keeps the app's log lines from a level up, with their exceptions and the values of their scopes, for a test to read.</summary>
public sealed class CapturingLoggerProvider(LogLevel from) : ILoggerProvider, ILogger, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<(Func<string, bool> Match, TaskCompletionSource Logged)> _waits = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IEnumerable<string> Lines => _lines;

    /// <summary>Each line with the key/value pairs of the scopes it was written in (correlation ids, request path…).</summary>
    public IEnumerable<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => this;

    /// <summary>Completes once a line that <paramref name="match"/> accepts has been written (at once if one already was).</summary>
    public Task LoggedAsync(Func<string, bool> match)
    {
        var wait = (match, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _waits.Enqueue(wait);
        if (_lines.Any(match))
        {
            wait.Item2.TrySetResult();
        }

        return wait.Item2.Task;
    }

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= from;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            var line = $"{formatter(state, exception)} {exception}";
            var scope = new List<KeyValuePair<string, string>>();
            _scopes.ForEachScope(
                (value, pairs) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> values)
                    {
                        pairs.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Key, Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")));
                    }
                    else if (value is not null)
                    {
                        pairs.Add(new("", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    }
                },
                scope);
            _lines.Enqueue(line);
            _entries.Enqueue(new LogEntry(line, scope));
            foreach (var wait in _waits.Where(w => w.Match(line)))
            {
                wait.Logged.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
    }
}

public sealed record LogEntry(string Line, IReadOnlyList<KeyValuePair<string, string>> Scope)
{
    public string? ScopeValue(string key) => Scope.LastOrDefault(p => p.Key == key).Value;

    /// <summary>The line and every scope value, as a JSON log line would carry them.</summary>
    public string Everything => Line + " " + string.Join(" ", Scope.Select(p => $"{p.Key}={p.Value}"));
}
