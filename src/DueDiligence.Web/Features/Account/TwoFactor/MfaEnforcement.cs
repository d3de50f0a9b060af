using System.Security.Claims;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Account.TwoFactor;

/// <summary>
/// The policy "two-factor authentication required for role X" (<see cref="MfaOptions"/>) on every request: a signed-in
/// user of such a role whose account has no authenticator app is sent to the set-up page from every page and endpoint
/// (pages, downloads, exports, the circuit's hub), except the set-up page itself, sign-out and what needs no sign-in
/// (files, the framework's scripts, status pages). The account is read from the database, so an administrator's reset
/// applies at the next request.
/// </summary>
public sealed class MfaEnforcement(RequestDelegate next, IOptionsMonitor<MfaOptions> policy)
{
    public async Task InvokeAsync(HttpContext context, IDbContextFactory<AppDbContext> contexts)
    {
        if (MustSetUp(context) && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
            if (!await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, context.RequestAborted))
            {
                context.Response.Redirect(TwoFactorSettings.Path);
                return;
            }
        }

        await next(context);
    }

    private bool MustSetUp(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && policy.CurrentValue.RequiresTwoFactor(context.User)
        && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null
        && !context.Request.Path.Equals(TwoFactorSettings.Path, StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.Equals(AccountEndpoints.LogoutPath, StringComparison.OrdinalIgnoreCase);
}
