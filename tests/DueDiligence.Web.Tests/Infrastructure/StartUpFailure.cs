using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>
/// Starts the app with a wrong setting and returns what stopped it. The test host sometimes reports only that the app's
/// host was already disposed (its <c>DeferredHost</c> asks the failed host for its lifetime after the app has disposed
/// it), so the host's own log of the failure ("Hosting failed to start", with the exception) is read as well.
/// </summary>
public static class StartUpFailure
{
    public static string Of(WebApplicationFactory<Program> app, Action<IWebHostBuilder> configure)
    {
        var log = new CapturingLoggerProvider();
        using var misconfigured = app.WithWebHostBuilder(builder =>
        {
            configure(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(log));
        });

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.Server);

        return string.Join(Environment.NewLine, [error.ToString(), .. log.Errors]);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _errors = new();

        public IEnumerable<string> Errors => _errors;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _errors.Enqueue($"{formatter(state, exception)} {exception}");
            }
        }

        public void Dispose()
        {
        }
    }
}
