using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Features.Account.TwoFactor;

/// <summary>Authenticator apps, recovery codes and the policy that requires them for some roles (docs/security.md, "Multi-factor authentication").</summary>
public static class TwoFactorSetup
{
    public static IServiceCollection AddTwoFactor(this IServiceCollection services)
    {
        services.AddOptions<MfaOptions>()
            .BindConfiguration(MfaOptions.Section)
            .Validate(options => options.HasKnownRoles(), $"Mfa:RequiredForRoles may name only the roles {string.Join(", ", AppRoles.All)}.")
            .ValidateOnStart();
        // In place of Identity's authenticator provider (registered by AddDefaultTokenProviders): the app's clock, each code once.
        services.AddScoped<AuthenticatorCodes>();
        services.Configure<IdentityOptions>(options =>
            options.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(AuthenticatorCodes)));
        services.AddScoped<TwoFactorSignIn>();
        services.AddScoped<TwoFactorSettings>();
        return services;
    }

    /// <summary>After authentication, before authorization (so pages of other roles redirect too): signed-in users of a role that requires it set up an authenticator app first.</summary>
    public static IApplicationBuilder UseTwoFactorPolicy(this IApplicationBuilder app) => app.UseMiddleware<MfaEnforcement>();
}
