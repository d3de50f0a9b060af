using System.Collections.Concurrent;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Security;

/// <summary>The real app (as <see cref="AppFactory"/>) on a clock the tests move, with every log line it writes kept for assertions.</summary>
public sealed class PasswordResetApp : IAsyncLifetime
{
    private readonly AppFactory _factory = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public LogLines Log { get; } = new();

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Log);
        }));
        return Task.CompletedTask;
    }

    public HttpClient CreateBrowserLikeClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
    }

    /// <summary>Every log line of every category and level, as written.</summary>
    public sealed class LogLines : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IEnumerable<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue($"{formatter(state, exception)} {exception}");

        public void Dispose()
        {
        }
    }
}
