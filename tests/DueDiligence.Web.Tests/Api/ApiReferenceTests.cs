using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Api;

/// <summary>The OpenAPI document lists every API endpoint; the reference page runs under the strict CSP with its nonce.</summary>
public sealed class ApiReferenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Document_IsOpenApi31AndListsEveryApiEndpointWithTheBearerScheme()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync(ApiReferenceSetup.DocumentPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiSetup.BasePath + "/", StringComparison.Ordinal) == true)
            .Select(e => $"{e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods.Single()} {Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), ":[a-z]+}", "}")}")
            .ToHashSet();
        Assert.True(mapped.Count >= 25, string.Join(", ", mapped));
        Assert.Empty(mapped.Except(documented));
        Assert.Contains("POST /api/v1/findings/{id}/status", documented);
        Assert.Contains("GET /api/v1/audit/export", documented);
        var unsummarised = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", Operation: operation.Value)))
            .Where(o => !o.Operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            .Select(o => o.Name);
        Assert.Empty(unsummarised);
        Assert.All(documented, d => Assert.Contains("/api/v1/", d, StringComparison.Ordinal)); // pages and downloads stay out
    }

    [Fact]
    public async Task ReferencePage_CarriesTheNonceOfTheStrictPolicy()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(analyst.Email, analyst.Password);

        var response = await client.GetAsync(ApiReferenceSetup.ReferencePath + "/"); // the bare path redirects here

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.Headers.Location}");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(policy, "'nonce-([0-9a-f]+)'").Groups[1].Value;
        Assert.DoesNotContain("unsafe-inline", policy.Replace("style-src 'self' 'unsafe-inline'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var scripts = Regex.Matches(await response.Content.ReadAsStringAsync(), "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DocumentAndReference_WithoutASession_SendToSignIn()
    {
        var client = app.CreateBrowserLikeClient();

        foreach (var path in new[] { ApiReferenceSetup.DocumentPath, ApiReferenceSetup.ReferencePath })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(IdentitySetup.LoginPath, response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        }
    }
}
