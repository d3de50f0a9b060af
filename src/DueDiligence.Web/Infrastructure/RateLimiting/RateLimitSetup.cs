using System.Threading.RateLimiting;
using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window limits (configuration section <see cref="RateLimits.Section"/>) against password guessing and floods
/// from clients that are not signed in: per client address on every request and on posts that check or set a password
/// (sign-in and its second step, password change, reset link; ASP.NET Core's rate limiting middleware), per personal access
/// token on the API, and per e-mail address on sign-in
/// and password change (<see cref="SignInRateLimits"/>, applied by the use case, which knows the account). Limits are
/// kept per instance; the lockout in the database is what holds across instances. A refused request gets 429 and a
/// plain sentence.
/// </summary>
public static class RateLimitSetup
{
    /// <summary>Where the supplier portal lives (Features/Assessments/Portal).</summary>
    public const string PortalPath = "/portal";

    public const string RejectedMessage = "Too many requests from your network address. Wait a minute and try again.";

    private static readonly string[] PasswordPaths = [IdentitySetup.LoginPath, IdentitySetup.LoginTwoFactorPath, PasswordPages.ChangePath, PasswordPages.ResetPath];

    public static IServiceCollection AddAppRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimits>().BindConfiguration(RateLimits.Section);
        services.AddSingleton<SignInRateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimits>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
            {
                if (ApiSetup.IsApi(context.HttpContext.Request))
                {
                    return new ValueTask(ApiProblems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                        $"This token made more than {limits.Value.ApiPerToken.PermitLimit} requests in {limits.Value.ApiPerToken.WindowSeconds} seconds. Wait and try again."));
                }

                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync(RejectedMessage, cancellationToken));
            };
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerClientAddress(limits.Value.AnonymousPerIp, context => context.User.Identity?.IsAuthenticated != true),
                PerClientAddress(limits.Value.SignInPerIp, IsPasswordPost),
                PerClientAddress(limits.Value.PortalPerIp, IsPortalRequest),
                PerApiToken(limits.Value.ApiPerToken));
        });
        return services;
    }

    /// <summary>After authentication, so that requests of signed-in users are not counted as anonymous.</summary>
    public static IApplicationBuilder UseAppRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>Posts that check or set a password or a sign-in code: sign-in and its second step, changing one's password, a reset link's form.</summary>
    private static bool IsPasswordPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && PasswordPaths.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The supplier portal's addresses (its links carry the secret being guessed).</summary>
    private static bool IsPortalRequest(HttpContext context) => context.Request.Path.StartsWithSegments(PortalPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Requests the token authentication signed in (<see cref="ApiTokenAuthentication"/>), counted per token.</summary>
    private static PartitionedRateLimiter<HttpContext> PerApiToken(RateLimit limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => context.User.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) is { } token
            ? RateLimitPartition.GetFixedWindowLimiter($"token {token}", _ => limit.ToOptions())
            : RateLimitPartition.GetNoLimiter("not limited"));

    private static PartitionedRateLimiter<HttpContext> PerClientAddress(RateLimit limit, Func<HttpContext, bool> applies) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => applies(context)
            ? RateLimitPartition.GetFixedWindowLimiter($"client {context.Connection.RemoteIpAddress}", _ => limit.ToOptions())
            : RateLimitPartition.GetNoLimiter("not limited"));
}
