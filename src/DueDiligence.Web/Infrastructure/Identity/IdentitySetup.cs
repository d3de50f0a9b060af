using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Local accounts: password rules (at least 12 characters, <see cref="StrongPasswordValidator"/>), lockout, the sign-in
/// cookie, the paths it redirects to and how long a session lasts (<see cref="SessionValidity"/>).
/// </summary>
public static class IdentitySetup
{
    public const string LoginPath = "/account/login";
    public const string AccessDeniedPath = "/account/access-denied";
    public const int PasswordHashIterations = 210_000;
    public const string LoginTwoFactorPath = "/account/login-two-factor";
    public const string TwoFactorPath = "/account/two-factor";

    /// <summary>The sign-in page's query flag: the server ended the session that the browser came with.</summary>
    public const string SessionEndedQuery = "sessionEnded";

    private const string SessionEndedItem = "dd:session-ended";

    public static IServiceCollection AddAppIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddPasswordValidator<StrongPasswordValidator>()
            .AddDefaultTokenProviders();

        // PBKDF2-HMAC-SHA512 (Identity's v3 format) with 210,000 iterations, OWASP's figure for that function; Identity's
        // default of 100,000 is below ASVS 4.0.3 2.4.3's minimum of 120,000. Older hashes are upgraded at the next sign-in.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordHashIterations);

        services.AddOptions<PasswordStrengthOptions>()
            .BindConfiguration(PasswordStrengthOptions.SectionName)
            .Validate(options => options.MinimumStrength is >= 0 and <= 4, "Passwords:MinimumStrength must be a zxcvbn score from 0 (accept any) to 4 (very hard to guess); 3 is the default.")
            .ValidateOnStart();

        services.AddOptions<SessionLifetimeOptions>().BindConfiguration(SessionLifetimeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionLifetimeOptions>, SessionLifetimeValidation>();
        services.AddSingleton<SessionValidity>();
        // The app's clock (a fake one in tests) runs the cookie's expiry as well as the absolute lifetime.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider, IOptions<SessionLifetimeOptions>>((options, clock, lifetime) =>
            {
                options.TimeProvider = clock;
                options.ExpireTimeSpan = lifetime.Value.IdleTimeout;
            });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.SlidingExpiration = true;
            options.Cookie.Name = "DueDiligence.Auth";
            options.CookieManager = new HostPrefixedCookieManager();
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is https, also when a trusted proxy terminated TLS (ForwardedHeadersSetup).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A signed-in user without the role gets a real 403 (rendered as the friendly status page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnSigningIn = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<SessionValidity>().StampSignIn(context.Principal!, context.Properties);
                return Task.CompletedTask;
            };
            // Every request, in place of Identity's SecurityStampValidator (which checks once a minute at best).
            options.Events.OnValidatePrincipal = ValidateSessionAsync;
            // The sign-in page says why a page sent the user there.
            var redirectToLogin = options.Events.OnRedirectToLogin;
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.HttpContext.Items.ContainsKey(SessionEndedItem))
                {
                    context.RedirectUri = QueryHelpers.AddQueryString(context.RedirectUri, SessionEndedQuery, "true");
                }

                return redirectToLogin(context);
            };
        });

        services.AddSingleSignOn();

        // The sign-in form's antiforgery cookie too (its default is never Secure).
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>A cookie whose session has ended signs nobody in, and is removed from the browser.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidity>();
        if (context.Principal is null
            || await sessions.EndedBecauseAsync(context.Principal, context.HttpContext.Connection.RemoteIpAddress?.ToString()) is not null)
        {
            context.RejectPrincipal();
            context.HttpContext.Items[SessionEndedItem] = true;
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Whether the request came with a session that has ended, now or on the page that sent it to sign in.</summary>
    public static bool SessionEndedOn(HttpContext context) =>
        context.Items.ContainsKey(SessionEndedItem) || context.Request.Query[SessionEndedQuery] == "true";
}
