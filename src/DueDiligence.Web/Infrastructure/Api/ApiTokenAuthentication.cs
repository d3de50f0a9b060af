using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>
/// <c>Authorization: Bearer ddpat_…</c> signs the request in as the token's owner, with the same claims as a sign-in
/// (roles, display name, security stamp) and the token's scopes, so that <see cref="CurrentUser"/>, the use cases and
/// their record rules treat it as that user. A token that is unknown, revoked or expired, or whose owner is locked or
/// gone, signs nobody in and is recorded as <see cref="SecurityEvent.ApiTokenRefused"/>.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<AppDbContext> contexts,
    IUserClaimsPrincipalFactory<AppUser> principals,
    SecurityEvents securityEvents,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim naming the token a request came with: its id, also the key of its rate limit.</summary>
    public const string TokenIdClaim = "dd:api_token";

    /// <summary>Last use is written at most this often per token, so that a busy client does not write on every request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header[BearerPrefix.Length..].Trim();
        if (!ApiTokenSecret.LooksLikeOne(secret))
        {
            return await RefuseAsync(null, null, "the bearer token is not a DueDiligence personal access token");
        }

        var now = clock.UtcNow();
        var hash = ApiTokenSecret.Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var token = await db.Set<ApiToken>().AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null)
        {
            return await RefuseAsync(null, null, "the token is unknown");
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        var reason = token.RevokedAtUtc is not null ? "the token was revoked"
            : token.ExpiresAtUtc <= now ? "the token has expired"
            : user is null ? "the token's account no longer exists"
            : user.LockoutEnd > clock.GetUtcNow() ? "the token's account is locked"
            : null;
        if (reason is not null)
        {
            return await RefuseAsync(token, user?.Email, reason);
        }

        if (token.LastUsedAtUtc is null || now - token.LastUsedAtUtc >= LastUsedPrecision)
        {
            // Not a change of the token anyone made: not audited (ExecuteUpdate bypasses the audited save).
            await db.Set<ApiToken>().Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(await PrincipalAsync(user!, token), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Not signed in",
            failure is null
                ? "Send a personal access token: Authorization: Bearer ddpat_… (create one under your account's API tokens)."
                : $"The API refused the token: {failure}.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Not allowed", "Your roles do not allow this.");

    /// <summary>The owner as a sign-in makes them, with the token's scopes; its session starts now (<see cref="SessionValidity"/>).</summary>
    private async Task<ClaimsPrincipal> PrincipalAsync(AppUser user, ApiToken token)
    {
        var signedIn = (ClaimsIdentity)(await principals.CreateAsync(user)).Identity!;
        var identity = new ClaimsIdentity(signedIn.Claims, SchemeName, signedIn.NameClaimType, signedIn.RoleClaimType);
        identity.AddClaim(new Claim(AppClaims.SignedInAt, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AppClaims.SessionId, $"api-token-{token.Id:N}"));
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString("N")));
        identity.AddClaims(ApiScopes.Parse(token.Scopes).Select(scope => new Claim(ApiScopes.Claim, scope)));
        return new ClaimsPrincipal(identity);
    }

    private async Task<AuthenticateResult> RefuseAsync(ApiToken? token, string? email, string reason)
    {
        var details = token is null ? reason : $"{reason} (token \"{token.Name}\", {token.Prefix}…)";
        Logger.LogWarning("API token refused from {ClientAddress}: {Reason}", Context.Connection.RemoteIpAddress, reason);
        await securityEvents.RecordAsync(SecurityEvent.ApiTokenRefused, token?.UserId, email ?? "anonymous", email,
            Context.Connection.RemoteIpAddress?.ToString(), details);
        return AuthenticateResult.Fail(reason);
    }
}
