namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>
/// A personal access token: a user's key for the REST API, acting as that user with at most its <see cref="Scopes"/>.
/// Only the SHA-256 of the secret is kept; the secret itself is shown once, when the token is made.
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>The owner's id (AspNetUsers.Id): the token acts as this user.</summary>
    public required string UserId { get; init; }

    /// <summary>What the owner calls it ("ERP sync").</summary>
    public required string Name { get; init; }

    /// <summary>The first characters of the secret, so that the owner can tell tokens apart; never enough to use one.</summary>
    public required string Prefix { get; init; }

    /// <summary>Lower-case hex SHA-256 of the whole secret (<see cref="ApiTokenSecret.Hash"/>).</summary>
    public required string SecretHash { get; init; }

    /// <summary>Space-separated scopes, e.g. "suppliers:read reports:read" (<see cref="ApiScopes"/>).</summary>
    public required string Scopes { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    public required DateTime ExpiresAtUtc { get; init; }

    public DateTime? RevokedAtUtc { get; private set; }

    public DateTime? LastUsedAtUtc { get; private set; }

    public bool IsActiveAt(DateTime nowUtc) => RevokedAtUtc is null && ExpiresAtUtc > nowUtc;

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}
