using System.Threading.RateLimiting;
using DueDiligence.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>The supplier portal: its use cases, its settings, its endpoints and the guard that keeps visitors inside it.</summary>
internal static class PortalSetup
{
    /// <summary>The circuit's connection: signed-in users, and portal visitors (whose portal page checks their cookie on every action).</summary>
    public const string CircuitPolicy = "SignedInOrPortalVisitor";

    /// <summary>The rate-limiting policy of the one-time code page: its posts (typed codes), per client address (<c>RateLimits:PortalCodePerIp</c>).</summary>
    public const string CodeRateLimitPolicy = "portal-code";

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalSettings>().BindConfiguration(PortalSettings.Section);
        services.AddScoped<PortalSession>();
        services.AddScoped<SupplierPortal>();
        services.AddScoped<SupplierInvitations>();
        services.AddScoped<SupplierAnswerReview>();
        services.AddScoped<PortalCodes>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimits>>((options, limits) =>
            options.AddPolicy(CodeRateLimitPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter($"client {context.Connection.RemoteIpAddress}", _ => limits.Value.PortalCodePerIp.ToOptions())
                : RateLimitPartition.GetNoLimiter("not limited")));
        services.Configure<AuthorizationOptions>(options => options.AddPolicy(CircuitPolicy, policy => policy.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true || (context.Resource is HttpContext http && PortalCookie.IsPresent(http)))));
        return services;
    }

    public static IApplicationBuilder UsePortalGuard(this IApplicationBuilder app) => app.UseMiddleware<PortalGuard>();
}
