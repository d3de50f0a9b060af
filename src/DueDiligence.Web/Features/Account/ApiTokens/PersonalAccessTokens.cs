using DueDiligence.Domain.Common;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Account.ApiTokens;

/// <summary>What the owner asks for: a name, the scopes and how long the token works.</summary>
public sealed class ApiTokenInput
{
    public static readonly int[] ExpiryChoices = [7, 30, 90, 365];

    private const int DefaultExpiryDays = 90;

    public string Name { get; set; } = "";

    public HashSet<string> Scopes { get; set; } = [];

    public int ExpiresInDays { get; set; } = DefaultExpiryDays;

    /// <summary>Anything chosen or typed that the form did not start with: the page keeps its circuit for it.</summary>
    public bool IsStarted => Name.Trim().Length > 0 || Scopes.Count > 0 || ExpiresInDays != DefaultExpiryDays;
}

/// <summary>One of the user's tokens as the list shows it: never its secret or hash.</summary>
public sealed record ApiTokenRow(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc);

/// <summary>A token just made, with the secret the owner sees this once.</summary>
public sealed record NewApiToken(ApiTokenRow Token, string Secret);

/// <summary>
/// Personal access tokens for the REST API: every signed-in user makes, lists and revokes their own, and only their own.
/// A token acts as its owner (roles and record rules) within its scopes; making and revoking one are security events.
/// </summary>
public sealed class PersonalAccessTokens(IDbContextFactory<AppDbContext> contexts, CurrentUser currentUser, SecurityEvents securityEvents, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Most tokens one user may hold that are not revoked or expired.</summary>
    public const int MaxActivePerUser = 20;

    private static readonly InputValidator Validator = new();

    public async Task<IReadOnlyList<ApiTokenRow>> MineAsync(CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc).ToListAsync(cancellationToken);
        return [.. tokens.Select(Row)];
    }

    public async Task<NewApiToken> CreateAsync(ApiTokenInput input, CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync();
        await Validator.ValidateAndThrowAsync(input, cancellationToken);
        var now = clock.UtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAtUtc == null && t.ExpiresAtUtc > now, cancellationToken) >= MaxActivePerUser)
        {
            throw new DomainException($"You already have {MaxActivePerUser} tokens that work. Revoke one you no longer use first.");
        }

        var secret = ApiTokenSecret.New();
        var token = new ApiToken
        {
            UserId = userId,
            Name = input.Name.Trim(),
            Prefix = secret[..ApiTokenSecret.PrefixLength],
            SecretHash = ApiTokenSecret.Hash(secret),
            Scopes = string.Join(' ', ApiScopes.All.Where(input.Scopes.Contains)),
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(input.ExpiresInDays),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(SecurityEvent.ApiTokenCreated, token,
            $"scopes {token.Scopes.Replace(" ", ", ", StringComparison.Ordinal)}; expires {IsoDates.Day(token.ExpiresAtUtc)}");
        return new NewApiToken(Row(token), secret);
    }

    /// <summary>Stops the token from working at once; the owner's own tokens only.</summary>
    public async Task<ApiTokenRow> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new DomainException("This token no longer exists.");
        if (token.UserId != userId)
        {
            throw new ForbiddenException("Only the user who made a token can revoke it.");
        }

        if (token.RevokedAtUtc is null)
        {
            token.Revoke(clock.UtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await RecordAsync(SecurityEvent.ApiTokenRevoked, token, "revoked by its owner");
        }

        return Row(token);
    }

    private async Task<string> RequireUserAsync() =>
        await currentUser.GetUserIdAsync() ?? throw new ForbiddenException("Sign in first.");

    private async Task RecordAsync(SecurityEvent kind, ApiToken token, string details)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var email = principal.Identity?.Name;
        await securityEvents.RecordAsync(kind, token.UserId, await currentUser.GetActorNameAsync(), email,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString(), $"token \"{token.Name}\" ({token.Prefix}…): {details}");
    }

    private static ApiTokenRow Row(ApiToken t) =>
        new(t.Id, t.Name, t.Prefix, ApiScopes.Parse(t.Scopes), t.CreatedAtUtc, t.ExpiresAtUtc, t.RevokedAtUtc, t.LastUsedAtUtc);

    private sealed class InputValidator : AbstractValidator<ApiTokenInput>
    {
        public InputValidator()
        {
            RuleFor(i => i.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the token a name that says what uses it, e.g. \"ERP sync\".")
                .MaximumLength(ApiToken.NameMaxLength).WithMessage($"The name is at most {ApiToken.NameMaxLength} characters.");
            RuleFor(i => i.Scopes).NotEmpty().WithMessage("Choose at least one scope: what the token may read or change.")
                .Must(s => s.All(ApiScopes.All.Contains)).WithMessage("A scope chosen is not one the API knows.");
            RuleFor(i => i.ExpiresInDays).Must(ApiTokenInput.ExpiryChoices.Contains)
                .WithMessage($"A token works for {string.Join(", ", ApiTokenInput.ExpiryChoices)} days.");
        }
    }
}
