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
        var log = new CapturingLoggerProvider(LogLevel.Error);
        using var misconfigured = app.WithWebHostBuilder(builder =>
        {
            configure(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(log));
        });

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.Server);

        return string.Join(Environment.NewLine, [error.ToString(), .. log.Lines]);
    }
}
