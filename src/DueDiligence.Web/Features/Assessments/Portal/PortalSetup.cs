using Microsoft.AspNetCore.Authorization;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>The supplier portal: its use cases, its settings, its endpoints and the guard that keeps visitors inside it.</summary>
internal static class PortalSetup
{
    /// <summary>The circuit's connection: signed-in users, and portal visitors (whose portal page checks their cookie on every action).</summary>
    public const string CircuitPolicy = "SignedInOrPortalVisitor";

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalSettings>().BindConfiguration(PortalSettings.Section);
        services.AddScoped<PortalSession>();
        services.AddScoped<SupplierPortal>();
        services.AddScoped<SupplierInvitations>();
        services.AddScoped<SupplierAnswerReview>();
        services.Configure<AuthorizationOptions>(options => options.AddPolicy(CircuitPolicy, policy => policy.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true || (context.Resource is HttpContext http && PortalCookie.IsPresent(http)))));
        return services;
    }

    public static IApplicationBuilder UsePortalGuard(this IApplicationBuilder app) => app.UseMiddleware<PortalGuard>();
}
