using System.Security.Claims;

namespace DueDiligence.Web.Infrastructure.Api;

/// <summary>The families of API resources a token may be given access to.</summary>
public enum ApiResource
{
    Suppliers,
    Assessments,
    Findings,
    Jurisdictions,
    Sourcing,
    Reports,
    Audit,
}

/// <summary>Read, or read and write.</summary>
public enum ApiAccess
{
    Read,
    Write,
}

/// <summary>
/// Scopes of personal access tokens: "family:read" or "family:write" (write includes read). A scope never gives more
/// than the user's roles and record rules allow: the use cases still decide, as for the pages.
/// </summary>
public static class ApiScopes
{
    /// <summary>The claim each of the request's token scopes becomes.</summary>
    public const string Claim = "dd:api_scope";

    public static readonly IReadOnlyDictionary<ApiResource, string> Descriptions = new Dictionary<ApiResource, string>
    {
        [ApiResource.Suppliers] = "Suppliers: the register, sites, subcontractors and IP exposure",
        [ApiResource.Assessments] = "Assessments: status, live score, score snapshots; starting and submitting one",
        [ApiResource.Findings] = "Findings, contract conditions and decisions",
        [ApiResource.Jurisdictions] = "Jurisdictions: indicators and legal ratings",
        [ApiResource.Sourcing] = "Sourcing projects",
        [ApiResource.Reports] = "Reports: the risk summary and partner-selection PDFs",
        [ApiResource.Audit] = "Audit trail: events, export and chain verification",
    };

    public static string Name(ApiResource resource, ApiAccess access) =>
        $"{resource.ToString().ToLowerInvariant()}:{access.ToString().ToLowerInvariant()}";

    /// <summary>Every scope name, the order the token page lists them in.</summary>
    public static IEnumerable<string> All =>
        Enum.GetValues<ApiResource>().SelectMany(r => Enum.GetValues<ApiAccess>().Select(a => Name(r, a)));

    /// <summary>Whether the principal's token allows this access; write includes read.</summary>
    public static bool Allows(ClaimsPrincipal principal, ApiResource resource, ApiAccess access) =>
        principal.HasClaim(Claim, Name(resource, access))
        || (access == ApiAccess.Read && principal.HasClaim(Claim, Name(resource, ApiAccess.Write)));

    public static IReadOnlyList<string> Parse(string scopes) => scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
