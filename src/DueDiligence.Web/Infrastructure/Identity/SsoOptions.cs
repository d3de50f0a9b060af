namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>The <c>Sso</c> configuration section: single sign-on with an OpenID Connect provider, beside local accounts.</summary>
public sealed class SsoOptions
{
    public const string Section = "Sso";

    public bool Enabled { get; set; }

    /// <summary>The organisation's name on the sign-in button: "Sign in with <c>DisplayName</c>".</summary>
    public string DisplayName { get; set; } = "your organisation";

    /// <summary>The provider's issuer address; its discovery document is at <c>/.well-known/openid-configuration</c> below it.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>Optional: a public client uses PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The id-token claim that lists the user's roles or groups at the provider.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>A value of <see cref="RoleClaim"/> at the provider → a DueDiligence role (<see cref="AppRoles"/>).</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an account the first time someone the provider vouches for signs in (with a mapped role).</summary>
    public bool AutoCreateUsers { get; set; }

    /// <summary>
    /// Links an existing account by e-mail even when the provider does not say <c>email_verified</c>. Only for a provider
    /// that never lets users set an address they do not own (Microsoft Entra ID does not send the claim).
    /// </summary>
    public bool TrustUnverifiedEmail { get; set; }

    /// <summary>The DueDiligence roles that <paramref name="providerValues"/> map to.</summary>
    public IReadOnlySet<string> MapRoles(IEnumerable<string> providerValues)
    {
        var map = new Dictionary<string, string>(RoleMap, StringComparer.OrdinalIgnoreCase);
        return providerValues.Select(v => map.GetValueOrDefault(v)).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}
