using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>Local accounts: password rules (at least 12 characters, <see cref="StrongPasswordValidator"/>), lockout, the sign-in cookie and the paths it redirects to.</summary>
public static class IdentitySetup
{
    public const string LoginPath = "/account/login";
    public const string AccessDeniedPath = "/account/access-denied";
    public const int PasswordHashIterations = 210_000;
    public const string LoginTwoFactorPath = "/account/login-two-factor";
    public const string TwoFactorPath = "/account/two-factor";

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

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
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
        });

        services.AddSingleSignOn();

        // The sign-in form's antiforgery cookie too (its default is never Secure).
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Locked-out or deleted users lose their session within a minute instead of at cookie expiry.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }
}
