using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DueDiligence.Web.Infrastructure;

/// <summary>
/// HSTS, <see cref="SecurityHeaders"/> and no <c>Server</c> banner (nothing tells a scanner what serves the app). HSTS goes on every response the app sees as https (directly or through a
/// trusted proxy, <see cref="ForwardedHeadersSetup"/>), never on http, with <c>Hsts:MaxAgeDays</c> (180 unless set).
/// Development is left without HSTS: a browser would then refuse http://localhost for every other project.
/// </summary>
public static class SecurityHeadersSetup
{
    public const string MaxAgeSetting = "Hsts:MaxAgeDays";
    public const int DefaultMaxAgeDays = 180;

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddOptions<HstsOptions>()
            .Configure<IConfiguration>((options, configuration) => options.MaxAge = TimeSpan.FromDays(MaxAgeDays(configuration)))
            .ValidateOnStart();
        return services;
    }

    /// <summary>After the forwarded headers (the scheme must be the client's), before everything that answers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app.UseMiddleware<SecurityHeaders>();
    }

    private static int MaxAgeDays(IConfiguration configuration)
    {
        var value = configuration[MaxAgeSetting];
        if (value is null)
        {
            return DefaultMaxAgeDays;
        }

        return int.TryParse(value, out var days) && days >= 0
            ? days
            : throw new InvalidOperationException($"{MaxAgeSetting} is '{value}', which is not a whole number of days (0 or more, e.g. 180).");
    }
}
