using System.Net;
using DueDiligence.EndToEnd.Infrastructure;
using DueDiligence.Web.Infrastructure.Auditing;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>
/// docs/deployment.md's scale-out, run for real: Debian's nginx on deploy/nginx/nginx.conf terminates TLS in front
/// of two app processes that share one data folder.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(ScaleOutFixture fixture)
{
    // Over https (through the proxy) the sign-in cookie has the __Host- prefix; straight to an instance over http it has not.
    private const string AuthCookie = "__Host-DueDiligence.Auth";
    private const string PlainAuthCookie = "DueDiligence.Auth";
    private const string RouteCookie = "dd_route";

    [Fact]
    public async Task BrowserSignsInThroughTheProxy_WorksInItsCircuit_EveryRequestOnOneInstance()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.WaitForCircuitAsync();
        Assert.StartsWith(fixture.Proxy.BaseUrl + "/", page.Url, StringComparison.Ordinal);
        var cookies = await page.Context.CookiesAsync();
        Assert.True(cookies.Single(c => c.Name == AuthCookie).Secure, "The sign-in cookie is Secure: the app knew the browser used https.");
        var route = cookies.Single(c => c.Name == RouteCookie);
        Assert.True(route.Secure && route.HttpOnly, "nginx's route cookie is Secure and HttpOnly.");

        // A MudBlazor select, driven over the circuit's WebSocket, filters the list and rewrites the address.
        await page.GotoAsync("/suppliers");
        await page.WaitForPageReadyAsync();
        await page.GetByTestId("jurisdiction-filter").ChooseAsync("High");
        await page.WaitForURLAsync(url => url.Contains("jlevel=High", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("jurisdiction-filter")).ToHaveValueAsync("High");
        await page.Context.CloseAsync();

        // nginx logs a WebSocket when it closes: wait for the circuits' upgrades (one per page) to be logged.
        var session = await WaitForAccessLogAsync(entries => entries.Count(IsCircuitUpgrade) >= 2, route.Value);
        Assert.True(session.Count(IsCircuitUpgrade) >= 2, "Both pages' circuits upgraded to a WebSocket through nginx (101).");
        Assert.Contains(session, e => e is { Method: "POST", Target: "/account/login", Status: 302 });
        var instances = session.Select(e => e.Upstream).Distinct().ToList();
        Assert.True(instances.Count == 1, $"One session, one instance; this one reached {string.Join(" and ", instances)}.");
        _ = fixture.InstanceAt(instances[0]); // one of the two instances, no retry to the other
    }

    /// <summary>
    /// A page paused in a hidden tab (ADR 0011) holds no circuit anywhere: shown again after its session's route moved
    /// (its instance drained, say), it resumes on the other instance, which reads the paused state with the shared keys.
    /// </summary>
    [Fact]
    public async Task APagePausedInAHiddenTab_ResumesOnTheOtherInstance_AndSavesThere()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.StartAssessmentOfNewSupplierAsync($"Scale-out Pause {Guid.NewGuid():N}"[..28]);
        var route = (await page.Context.CookiesAsync()).Single(c => c.Name == RouteCookie).Value;
        var first = fixture.InstanceAt((await WaitForAccessLogAsync(entries => entries.Count > 0, route))[^1].Upstream);
        var (otherRoute, other) = await RouteToAnotherInstanceAsync(first);

        await page.HideAsync();
        await Assertions.Expect(page.Locator("html[data-circuit=paused]")).ToHaveCountAsync(1);
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = RouteCookie, Value = otherRoute, Url = fixture.Proxy.BaseUrl, Secure = true, HttpOnly = true, SameSite = SameSiteAttribute.Lax,
        }]);
        await page.ShowAsync();

        await Assertions.Expect(page.Locator("html[data-circuit]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-circuit-pausable]")).ToHaveCountAsync(1);
        var saves = await DefaultTemplateAnswers.SavesAsync(page, "DD-02");
        await page.GetByTestId("answer-DD-02-option-AUDITED_STABLE").CheckAsync();
        await DefaultTemplateAnswers.WaitSavedAsync(page, "DD-02", saves);
        var resumed = await WaitForAccessLogAsync(entries => entries.Any(IsNegotiation), otherRoute);
        Assert.All(resumed.Where(IsNegotiation), e => Assert.Same(other, fixture.InstanceAt(e.Upstream)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewSessionsSpreadOverBothInstances_EachSessionStaysOnItsOwn()
    {
        var instancesSeen = new HashSet<string>();
        for (var attempt = 0; attempt < 40 && instancesSeen.Count < 2; attempt++)
        {
            var (client, cookies) = fixture.NewSession();
            using (client)
            {
                for (var request = 0; request < 3; request++)
                {
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{fixture.Proxy.BaseUrl}/account/login")).StatusCode);
                }

                var route = cookies.GetCookies(new Uri(fixture.Proxy.BaseUrl))[RouteCookie]?.Value
                    ?? throw new InvalidOperationException("nginx set no route cookie on the session's first response.");
                var session = fixture.Proxy.AccessLog().Where(e => e.Route == route).ToList();
                Assert.Equal(3, session.Count);
                var instances = session.Select(e => e.Upstream).Distinct().ToList();
                Assert.True(instances.Count == 1, $"One session, one instance; this one reached {string.Join(" and ", instances)}.");
                instancesSeen.Add(fixture.InstanceAt(instances[0]).BaseUrl);
            }
        }

        // Each new session is routed by a random key: 40 sessions all on one of two instances would be a 1 in 2^39 chance.
        Assert.Equal(2, instancesSeen.Count);
    }

    [Fact]
    public async Task SignedInThroughTheProxy_TheSignInCookieIsHonouredByBothInstances()
    {
        var (client, cookies) = fixture.NewSession();
        using (client)
        {
            var signIn = await HttpSessions.SignInAsync(client, fixture.Proxy.BaseUrl, "legal@demo.local", "Demo-Legal-2026");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var auth = cookies.GetCookies(new Uri(fixture.Proxy.BaseUrl))[AuthCookie]?.Value
            ?? throw new InvalidOperationException("Signing in set no sign-in cookie.");
        using var direct = HttpSessions.WithoutCookies();
        foreach (var instance in fixture.Instances)
        {
            using var withCookie = new HttpRequestMessage(HttpMethod.Get, $"{instance.BaseUrl}/");
            withCookie.Headers.Add("Cookie", $"{PlainAuthCookie}={auth}");
            var home = await direct.SendAsync(withCookie);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("Lee Legal", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var anonymous = await direct.GetAsync($"{instance.BaseUrl}/");
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }
    }

    [Fact]
    public async Task ThroughTheProxy_TheAppSeesHttpsAndTheClientsAddress_WhateverTheClientClaims()
    {
        var (client, _) = fixture.NewSession();
        using (client)
        {
            // nginx sets both headers itself: a client's own do not reach the app.
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");

            // The sign-in redirect is absolute: scheme and host as the browser used them.
            var home = await client.GetAsync($"{fixture.Proxy.BaseUrl}/");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.StartsWith($"{fixture.Proxy.BaseUrl}/account/login", home.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.True(home.Headers.Contains("Strict-Transport-Security"), "nginx tells browsers to keep to https.");

            var email = $"nobody-{Guid.NewGuid():N}@demo.local";
            var logged = UnknownAccountSignInLines().Count;
            var refused = await HttpSessions.SignInAsync(client, fixture.Proxy.BaseUrl, email, "not-a-password");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains($"from {ScaleOutFixture.ClientAddress} refused", await NewUnknownAccountSignInLineAsync(logged), StringComparison.Ordinal);
            Assert.DoesNotContain(LogLines(), l => l.Contains(email, StringComparison.Ordinal));

            var signedIn = await HttpSessions.SignInAsync(client, fixture.Proxy.BaseUrl, "executive@demo.local", "Demo-Executive-2026");
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Contains("; secure", HttpSessions.SetCookie(signedIn, AuthCookie), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task PlainHttpToTheProxy_IsRedirectedToHttps()
    {
        using var client = HttpSessions.Direct(new CookieContainer());

        var response = await client.GetAsync($"{fixture.Proxy.HttpUrl}/suppliers?page=2");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://127.0.0.1/suppliers?page=2", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ForwardedHeadersFromAnyoneButTheProxy_AreIgnored()
    {
        var instance = fixture.InstanceA;
        using var client = HttpSessions.Direct(new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        var home = await client.GetAsync($"{instance.BaseUrl}/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith($"{instance.BaseUrl}/account/login", home.Headers.Location!.ToString(), StringComparison.Ordinal);

        var logged = UnknownAccountSignInLines().Count;
        await HttpSessions.SignInAsync(client, instance.BaseUrl, $"nobody-{Guid.NewGuid():N}@demo.local", "not-a-password");
        Assert.Contains($"from {ScaleOutFixture.ClientAddress} refused", await NewUnknownAccountSignInLineAsync(logged), StringComparison.Ordinal);

        var signedIn = await HttpSessions.SignInAsync(client, instance.BaseUrl, "analyst@demo.local", "Demo-Analyst-2026");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("; secure", HttpSessions.SetCookie(signedIn, PlainAuthCookie), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A route key (a dd_route cookie's value) that nginx sends to an instance other than <paramref name="instance"/>.</summary>
    private async Task<(string Route, AppProcess Instance)> RouteToAnotherInstanceAsync(AppProcess instance)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var candidate = Guid.NewGuid().ToString("N");
            var cookies = new CookieContainer();
            cookies.Add(new Uri(fixture.Proxy.BaseUrl), new System.Net.Cookie(RouteCookie, candidate));
            using (var client = HttpSessions.ThroughProxy(fixture.Certificate, cookies))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{fixture.Proxy.BaseUrl}/account/login")).StatusCode);
            }

            var reached = fixture.InstanceAt((await WaitForAccessLogAsync(entries => entries.Count > 0, candidate))[^1].Upstream);
            if (!ReferenceEquals(reached, instance))
            {
                return (candidate, reached);
            }
        }

        throw new InvalidOperationException("40 random route keys all reached the same instance.");
    }

    private static bool IsNegotiation(ProxyAccessLog.Entry entry) =>
        entry.Method == "POST" && entry.Target.StartsWith("/_blazor/negotiate", StringComparison.Ordinal);

    private static bool IsCircuitUpgrade(ProxyAccessLog.Entry entry) =>
        entry is { Method: "GET", Status: 101 } && entry.Target.StartsWith("/_blazor?", StringComparison.Ordinal);

    private IEnumerable<string> LogLines() => fixture.Instances.SelectMany(i => i.Output.Split('\n'));

    /// <summary>The log lines about refused sign-ins with an address that has no account (the log names accounts, never the address typed).</summary>
    private List<string> UnknownAccountSignInLines() =>
        LogLines().Where(l => l.Contains($"Sign-in of account {SecurityEvents.UnknownAccount} from", StringComparison.Ordinal)).ToList();

    /// <summary>The one such line written after the first <paramref name="before"/> (in whichever instance's log, a moment after the response).</summary>
    private async Task<string> NewUnknownAccountSignInLineAsync(int before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = UnknownAccountSignInLines().Skip(before).ToList();
            if (lines.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(lines);
            }

            await Task.Delay(100);
        }
    }

    private async Task<List<ProxyAccessLog.Entry>> WaitForAccessLogAsync(Func<List<ProxyAccessLog.Entry>, bool> complete, string route)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var entries = fixture.Proxy.AccessLog().Where(e => e.Route == route).ToList();
            if (complete(entries) || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(100);
        }
    }
}
