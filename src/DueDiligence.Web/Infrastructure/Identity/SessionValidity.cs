using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Whether a signed-in session may still act: the one place that decides, for every request (the cookie's
/// <c>OnValidatePrincipal</c>) and every use-case call of an open circuit (<see cref="CurrentUser"/>). A session ends
/// when the account's security stamp is no longer the one it signed in with (sign-out, a password, role or lock
/// change — everything that goes through <c>UserManager</c> or <see cref="EndAllSessionsAsync"/>), when the account is
/// locked or gone, and <see cref="SessionLifetimeOptions.AbsoluteLifetime"/> after its sign-in. The account's stamp and
/// lock are read with one small query and kept per instance for at most <see cref="RecheckAfter"/>, so a change made on
/// any instance ends the user's sessions on every instance within that time; a session is refused only on a fresh read.
/// </summary>
public sealed class SessionValidity(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionLifetimeOptions> lifetime, IOptions<IdentityOptions> identity, ILogger<SessionValidity> logger)
{
    /// <summary>How long an instance trusts the stamp and lock it read: the longest a change takes to end a session.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    /// <summary>The claims a sign-in stamps on its session, kept in the cookie's properties so that a refresh keeps them.</summary>
    private static readonly string[] SessionClaims = [AppClaims.SignedInAt, AppClaims.SessionId];

    private readonly ConcurrentDictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);

    /// <summary>Sessions whose end this instance has recorded, so that a page's many requests make one security event.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _reported = new(StringComparer.Ordinal);

    /// <summary>A new security stamp, as Identity's own are: random, upper case.</summary>
    public static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    /// <summary>
    /// Puts the sign-in time and a session id into a new sign-in cookie (<c>OnSigningIn</c>): new ones for a sign-in, the
    /// original ones when an existing sign-in is refreshed (<c>RefreshSignInAsync</c> keeps the cookie's properties), so
    /// that refreshing never extends <see cref="SessionLifetimeOptions.AbsoluteLifetime"/>.
    /// </summary>
    public void StampSignIn(ClaimsPrincipal principal, AuthenticationProperties properties)
    {
        foreach (var type in SessionClaims)
        {
            var value = properties.Items.TryGetValue(type, out var kept) && kept is not null
                ? kept
                : type == AppClaims.SignedInAt
                    ? clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)
                    : Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            properties.Items[type] = value;
            if (principal.Identity is ClaimsIdentity claims && !claims.HasClaim(c => c.Type == type))
            {
                claims.AddClaim(new Claim(type, value));
            }
        }
    }

    /// <summary>
    /// Null while the session may act; otherwise why it has ended, in words for the user and the audit trail. The first
    /// time this instance sees a session ended, it records a <see cref="SecurityEvent.SessionEnded"/>.
    /// </summary>
    public async Task<string?> EndedBecauseAsync(ClaimsPrincipal principal, string? clientAddress)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null)
        {
            return "it names no account";
        }

        var (account, remembered) = await StateAsync(userId, mayRemember: true);
        var reason = Reason(principal, account);
        if (reason is not null && remembered)
        {
            // Refuse only on what the database says now: the cookie may carry a stamp newer than the one remembered (a
            // sign-in refreshed after its own password change).
            reason = Reason(principal, (await StateAsync(userId, mayRemember: false)).Account);
        }

        if (reason is not null && MarkReported(principal, userId))
        {
            var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name;
            logger.LogWarning("Session of account {UserId} refused: {Reason}.", userId, reason);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SecurityEvents>()
                .RecordAsync(SecurityEvent.SessionEnded, userId, email ?? userId, email, clientAddress, reason);
        }

        return reason;
    }

    /// <summary>
    /// Ends every session of the account on every instance: a new security stamp, written in one UPDATE (which also
    /// changes the concurrency stamp, so that no save that read the account before can write the old stamp back).
    /// <paramref name="endedHere"/>, the session that asked for it, is not reported as ended by the server.
    /// </summary>
    public async Task EndAllSessionsAsync(string userId, ClaimsPrincipal endedHere)
    {
        var stamp = NewStamp();
        var concurrency = Guid.NewGuid().ToString();
        await using (var scope = scopes.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, stamp).SetProperty(u => u.ConcurrencyStamp, concurrency));
        }

        _accounts.TryRemove(userId, out _);
        MarkReported(endedHere, userId);
    }

    private string? Reason(ClaimsPrincipal principal, AccountState account)
    {
        var now = clock.GetUtcNow();
        if (!DateTimeOffset.TryParseExact(principal.FindFirstValue(AppClaims.SignedInAt), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var signedInAt))
        {
            return "it began before sign-in times were kept";
        }

        if (now - signedInAt >= lifetime.Value.AbsoluteLifetime)
        {
            return $"it reached the longest session of {lifetime.Value.AbsoluteLifetimeHours:0.##} hours";
        }

        if (!account.Exists)
        {
            return "the account no longer exists";
        }

        if (account.LockoutEnd > now)
        {
            return "the account is locked";
        }

        return principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == account.SecurityStamp
            ? null
            : "the account signed out, or its password, roles or lock changed";
    }

    /// <summary>
    /// The account's stamp and lock, as read at most <see cref="RecheckAfter"/> ago when <paramref name="mayRemember"/>
    /// (and then whether it was remembered), else read now: one query.
    /// </summary>
    private async Task<(AccountState Account, bool Remembered)> StateAsync(string userId, bool mayRemember)
    {
        var now = clock.GetUtcNow();
        if (mayRemember && _accounts.TryGetValue(userId, out var known) && now - known.ReadAt < RecheckAfter)
        {
            return (known, true);
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .SingleOrDefaultAsync();
        var state = new AccountState(row is not null, row?.SecurityStamp, row?.LockoutEnd, now);
        _accounts[userId] = state;
        return (state, false);
    }

    /// <summary>True the first time this instance reports the session; forgets sessions older than the longest session.</summary>
    private bool MarkReported(ClaimsPrincipal principal, string userId)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _reported.Where(r => now - r.Value > lifetime.Value.AbsoluteLifetime))
        {
            _reported.TryRemove(old.Key, out _);
        }

        return _reported.TryAdd($"{userId}|{principal.FindFirstValue(AppClaims.SessionId)}", now);
    }

    private sealed record AccountState(bool Exists, string? SecurityStamp, DateTimeOffset? LockoutEnd, DateTimeOffset ReadAt);
}
