using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DueDiligence.Web.Tests.Security.Sso;

/// <summary>Who the provider says is signing in.</summary>
public sealed record ProviderUser(string Subject, string? Email, bool EmailVerified, string Name, params string[] Roles);

/// <summary>What a dishonest or broken provider (or someone in the middle) changes in the id token.</summary>
public enum TokenTampering
{
    None,
    WrongNonce,
    SignedByAnotherKey,
    WrongAudience,
    Expired,
}

/// <summary>
/// A minimal OpenID Connect provider in memory (TestServer, no port): discovery document, JWKS with one RSA key, an
/// authorize endpoint that answers at once for <see cref="User"/> (as a form post, the handler's default response
/// mode), and a token endpoint that checks the client, the code's redirect address and PKCE, and issues an id token
/// signed with the key. The app's OIDC handler reaches it through <see cref="CreateBackchannel"/>.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string Issuer = "http://127.0.0.1:45999";
    public const string ClientId = "duediligence-tests";
    public const string ClientSecret = "provider-test-secret";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new();
    private readonly WebApplication _app;
    private int _tokensIssued;

    public TestOidcProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () => Results.Json(new { keys = new[] { PublicJwk(_rsa, "signing-key") } }));
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public ProviderUser User { get; set; } = new("subject-1", "someone@contoso.test", true, "Someone");

    public TokenTampering Tampering { get; set; }

    /// <summary>How many id tokens the token endpoint issued.</summary>
    public int TokensIssued => _tokensIssued;

    /// <summary>The app's back channel to the provider (discovery, keys, token).</summary>
    public HttpMessageHandler CreateBackchannel() => _app.GetTestServer().CreateHandler();

    /// <summary>The browser's requests to the provider.</summary>
    public HttpClient CreateBrowser() => _app.GetTestServer().CreateClient();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
        _otherRsa.Dispose();
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new IssuedCode(query["redirect_uri"]!, query["nonce"]!, query["code_challenge"]!, User);
        var fields = new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"]! };
        if (query["response_mode"] == "form_post")
        {
            var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{WebUtility.HtmlEncode(f.Value)}\" />"));
            return Results.Content($"<html><body><form method=\"post\" action=\"{WebUtility.HtmlEncode(query["redirect_uri"])}\">{inputs}</form></body></html>", "text/html");
        }

        return Results.Redirect($"{query["redirect_uri"]}?{string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"))}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.BadRequest(new { error = "invalid_client" });
        }

        if (!_codes.TryRemove(form["code"].ToString(), out var issued) || issued.RedirectUri != form["redirect_uri"] || issued.CodeChallenge != Challenge(form["code_verifier"].ToString()))
        {
            return Results.BadRequest(new { error = "invalid_grant" });
        }

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = IdToken(issued, accessToken) });
    }

    private string IdToken(IssuedCode issued, string accessToken)
    {
        var now = DateTime.UtcNow;
        var issuedAt = Tampering == TokenTampering.Expired ? now.AddHours(-2) : now;
        var user = issued.User;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = user.Subject,
            ["name"] = user.Name,
            ["nonce"] = Tampering == TokenTampering.WrongNonce ? "a-nonce-of-another-sign-in" : issued.Nonce,
            ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
            ["roles"] = user.Roles,
        };
        if (user.Email is not null)
        {
            claims["email"] = user.Email;
            claims["email_verified"] = user.EmailVerified;
        }

        var signingKey = Tampering == TokenTampering.SignedByAnotherKey ? PrivateKey(_otherRsa, "signing-key") : PrivateKey(_rsa, "signing-key");
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Tampering == TokenTampering.WrongAudience ? "another-application" : ClientId,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static RsaSecurityKey PrivateKey(RSA rsa, string keyId) => new(rsa) { KeyId = keyId };

    private static object PublicJwk(RSA rsa, string keyId)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new { kty = "RSA", use = "sig", alg = "RS256", kid = keyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) };
    }

    private sealed record IssuedCode(string RedirectUri, string Nonce, string CodeChallenge, ProviderUser User);
}
