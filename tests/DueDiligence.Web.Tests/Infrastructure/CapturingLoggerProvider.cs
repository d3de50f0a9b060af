using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>Keeps the app's log lines from a level up, with their exceptions, for a test to read.</summary>
public sealed class CapturingLoggerProvider(LogLevel from) : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IEnumerable<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= from;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }

    public void Dispose()
    {
    }
}
