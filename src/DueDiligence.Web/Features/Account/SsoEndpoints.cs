using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Account;

/// <summary>
/// Single sign-on's two steps around the provider: the sign-in page's button posts to the challenge (antiforgery; a
/// page elsewhere cannot start it), which sends the browser to the provider; the handler takes the provider's answer at
/// <see cref="SsoSetup.CallbackPath"/> and sends the browser to the completion, which signs the user in. Both answer
/// 404 while <c>Sso:Enabled</c> is false.
/// </summary>
internal static class SsoEndpoints
{
    public const string ChallengePath = "/account/sso/challenge";
    public const string CompletePath = "/account/sso/complete";
    private const string ReturnUrlItem = "returnUrl";

    public static IEndpointRouteBuilder MapSsoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ChallengePath, async (HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] IOptions<SsoOptions> sso) =>
        {
            if (!sso.Value.Enabled)
            {
                return Results.NotFound();
            }

            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("The sign-in form has expired. Reload the page and sign in again.");
            }

            var properties = new AuthenticationProperties { RedirectUri = CompletePath };
            properties.Items[ReturnUrlItem] = LocalUrl.OrHome(context.Request.Form["returnUrl"]);
            return Results.Challenge(properties, [SsoSetup.Scheme]);
        }).AllowAnonymous().DisableAntiforgery();

        endpoints.MapGet(CompletePath, async (HttpContext context, [FromServices] IOptions<SsoOptions> sso, [FromServices] SsoSignIn signIn) =>
        {
            if (!sso.Value.Enabled)
            {
                return Results.NotFound();
            }

            var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
            // The provider's answer is used once: the external cookie goes whatever happens next.
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            if (!external.Succeeded)
            {
                return Results.LocalRedirect($"~{IdentitySetup.LoginPath}");
            }

            var refusal = await signIn.SignInAsync(external.Principal, context.Connection.RemoteIpAddress);
            return refusal is { } reason
                ? Results.LocalRedirect($"~{SsoSetup.RefusedPath}?reason={reason}")
                : Results.Content(SignedInPage(LocalUrl.OrHome(ReturnUrlOf(external.Properties))), "text/html; charset=utf-8");
        }).AllowAnonymous();
        return endpoints;
    }

    private static string? ReturnUrlOf(AuthenticationProperties? properties) =>
        properties is not null && properties.Items.TryGetValue(ReturnUrlItem, out var url) ? url : null;

    /// <summary>
    /// Goes on from a page of the app, not by a redirect: the way here started at the provider's site, and a browser does
    /// not send the SameSite=Strict sign-in cookie on a redirect chain that began on another site.
    /// </summary>
    private static string SignedInPage(string url)
    {
        var href = System.Net.WebUtility.HtmlEncode(url);
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={href}"><title>Signed in · DueDiligence</title></head>
            <body><p>You are signed in. <a href="{href}" data-testid="sso-continue">Continue to DueDiligence</a></p></body></html>
            """;
    }
}
