using System.Net;
using System.Net.Http.Json;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// The access matrix of every endpoint that is not a page (downloads, exports, reports, sign-out, the single sign-on and
/// receipt endpoints…), read from the app's own routing table so that a new endpoint is covered the day it is mapped:
/// without a session each one sends the caller to sign in, and a role its metadata does not name gets 403.
/// (Pages: <see cref="PageAuthorizationTests"/>; records inside the use cases: <see cref="RecordAccessMatrixTests"/>.)
/// </summary>
public sealed class EndpointAuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryEndpoint_WhenAnonymous_SendsTheCallerToSignIn()
    {
        var client = app.CreateBrowserLikeClient();
        var wrong = new List<string>();

        foreach (var (method, url, _) in ProtectedEndpoints().Where(e => !IsApi(e.Url)))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : new FormUrlEncodedContent([]) });
            if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.Location!.PathAndQuery.StartsWith(IdentitySetup.LoginPath, StringComparison.OrdinalIgnoreCase))
            {
                wrong.Add($"{method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(ProtectedEndpoints().Count >= 10, $"Only {ProtectedEndpoints().Count} endpoints found: {string.Join(", ", ProtectedEndpoints())}");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>The REST API answers 401 with a problem, to the anonymous and to a signed-in browser alike: only a token signs in there.</summary>
    [Fact]
    public async Task EveryApiEndpoint_WithoutToken_Is401EvenWithASessionCookie()
    {
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var wrong = new List<string>();
        foreach (var client in new[] { app.CreateBrowserLikeClient(), await app.SignInAsync(analyst.Email, analyst.Password) })
        {
            foreach (var (method, url, _) in ProtectedEndpoints().Where(e => IsApi(e.Url)))
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) });
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    wrong.Add($"{method} {url}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                }
            }
        }

        Assert.True(ProtectedEndpoints().Count(e => IsApi(e.Url)) >= 4);
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [MemberData(nameof(DemoAccounts.Roles), MemberType = typeof(DemoAccounts))]
    public async Task EveryEndpoint_ForARoleItsMetadataDoesNotName_Returns403(string role)
    {
        var user = DemoAccounts.ForRole(role);
        using var client = await app.SignInAsync(user.Email, user.Password);
        var wrong = new List<string>();

        foreach (var (method, url, roles) in ProtectedEndpoints().Where(e => e.Roles.Count > 0 && !e.Roles.Contains(role)))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : new FormUrlEncodedContent([]) });
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{method} {url} (for {string.Join(", ", roles)}): {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>Endpoints that are not pages, not the framework's own and not marked anonymous, with their sample URL and the roles they name.</summary>
    private List<(string Method, string Url, IReadOnlyList<string> Roles)> ProtectedEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.TrimStart('/').StartsWith('_'))
            .Select(e => (
                Method: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET",
                Url: SampleUrl(e.RoutePattern.RawText!),
                Roles: (IReadOnlyList<string>)e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .SelectMany(a => a.Roles?.Split(',', StringSplitOptions.TrimEntries) ?? []).Distinct().ToList()))
            .DistinctBy(e => (e.Method, e.Url))
            .ToList();

    private static bool IsApi(string url) => url.StartsWith(ApiSetup.BasePath + "/", StringComparison.Ordinal);

    private static string SampleUrl(string template) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(template.TrimStart('/'), "\\{\\*?([^}:]+)(:([^}]+))?\\}", m => m.Groups[3].Value switch
        {
            "int" or "long" => "1",
            "guid" => Guid.Empty.ToString(),
            _ => "sample",
        });
}
