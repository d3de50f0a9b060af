using DueDiligence.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Single sign-on with an OpenID Connect provider (section <see cref="SsoOptions.Section"/>), beside local accounts: the
/// authorization code flow with PKCE; the handler checks state, nonce, signature, issuer, audience and lifetime. The
/// provider's answer lands in Identity's short-lived external cookie; <c>Features/Account/SsoSignIn</c> then matches it
/// to an account and issues the app's own cookie. The scheme exists only when <c>Sso:Enabled</c> is true, and it is
/// never the default challenge: an unauthenticated request still goes to the sign-in page.
/// </summary>
public static class SsoSetup
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";
    public const string RefusedPath = "/account/sso/refused";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services)
    {
        services.AddOptions<SsoOptions>().BindConfiguration(SsoOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SsoOptions>, SsoOptionsValidator>();

        // What AddOpenIdConnect registers, but with the scheme added only when the configuration enables it (the
        // configuration is read when options are built, so test hosts and environment variables both apply).
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<SsoOptions>>((authentication, sso) =>
        {
            if (sso.Value.Enabled)
            {
                authentication.AddScheme<OpenIdConnectHandler>(Scheme, sso.Value.DisplayName);
            }
        });
        services.TryAddTransient<OpenIdConnectHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<SsoOptions>>((oidc, sso) => Apply(oidc, sso.Value))
            .Validate(oidc =>
            {
                oidc.Validate(Scheme);
                return true;
            });
        return services;
    }

    private static void Apply(OpenIdConnectOptions oidc, SsoOptions sso)
    {
        if (!sso.Enabled)
        {
            return;
        }

        oidc.Authority = sso.Authority;
        oidc.ClientId = sso.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        oidc.CallbackPath = CallbackPath;
        // Identity's external cookie (5 minutes), never this scheme itself: that would loop until the stack overflows.
        oidc.SignInScheme = IdentityConstants.ExternalScheme;
        // Tokens are not kept in any cookie: the app needs who the user is and their roles, nothing more.
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        // The id token's own claim names ("sub", "email", "roles"), as the RoleMap and the docs name them.
        oidc.MapInboundClaims = false;
        oidc.RequireHttpsMetadata = !IsLoopback(sso.Authority);
        oidc.Scope.Clear();
        oidc.Scope.Add(OpenIdConnectScope.OpenId);
        oidc.Scope.Add(OpenIdConnectScope.Email);
        oidc.Scope.Add("profile");
        oidc.TokenValidationParameters.RequireSignedTokens = true;
        oidc.TokenValidationParameters.RequireExpirationTime = true;
        oidc.TokenValidationParameters.ValidateIssuer = true;
        oidc.TokenValidationParameters.ValidateAudience = true;
        oidc.TokenValidationParameters.ValidateLifetime = true;
        oidc.Events.OnRemoteFailure = RefuseAsync;
    }

    /// <summary>
    /// A forged state, a wrong nonce or a bad token: the reason goes to the log and the audit trail (IdentityModel keeps
    /// token contents out of its messages), the user to the refused page, never to an error page.
    /// </summary>
    private static async Task RefuseAsync(RemoteFailureContext context)
    {
        var client = context.HttpContext.Connection.RemoteIpAddress?.ToString();
        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SsoSetup))
            .LogWarning("Single sign-on from {ClientAddress} refused: the provider's answer was rejected: {Error}", client, context.Failure?.Message);
        await services.GetRequiredService<SecurityEvents>().RecordAsync(
            SecurityEvent.SignInRefused, null, SecurityEvents.UnknownAccount, null, client, "single sign-on: the provider's answer was rejected");
        context.Response.Redirect($"{RefusedPath}?reason={SsoRefusal.ProviderAnswerRejected}");
        context.HandleResponse();
    }

    internal static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
