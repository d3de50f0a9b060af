using System.Security.Claims;
using DueDiligence.Web.Features.Account.TwoFactor;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Account;

/// <summary>
/// The sign-in and password use cases' services; sign-out: a POST with an antiforgery token, so that no link or image on
/// another site can sign a user out. Signing out ends every session of the account on every instance (<see cref="SessionValidity"/>).
/// </summary>
internal static class AccountEndpoints
{
    public const string LogoutPath = "/account/logout";

    public static IServiceCollection AddAccountFeature(this IServiceCollection services)
    {
        services.AddScoped<SignInAttempts>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SsoSignIn>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<ApiTokens.PersonalAccessTokens>();
        services.AddScoped<ResetPassword>();
        services.AddPasswordResetLinks();
        services.AddTwoFactor();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath, async (
            HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<AppUser> signIn, [FromServices] SecurityEvents audit,
            [FromServices] SessionValidity sessions) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
            }

            if (signIn.UserManager.GetUserId(context.User) is { } userId)
            {
                var email = context.User.FindFirstValue(ClaimTypes.Email) ?? context.User.Identity?.Name;
                await audit.RecordAsync(SecurityEvent.SignOut, userId, email ?? userId, email, context.Connection.RemoteIpAddress?.ToString());
                // Signing out ends every session of the account, also a copy of this cookie and circuits still open.
                await sessions.EndAllSessionsAsync(userId, context.User);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect($"~{IdentitySetup.LoginPath}?signedOut=true");
        }).DisableAntiforgery();
        endpoints.MapSsoEndpoints();
        return endpoints;
    }
}
