using System.Net;
using System.Text.RegularExpressions;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security.Sso;

/// <summary>
/// The real app with single sign-on on (<c>Sso</c> settings of Contoso, roles "dd-analyst", "dd-legal" and "dd-admin"
/// mapped), its back channel pointed at <see cref="TestOidcProvider"/>, and a browser that goes through the whole
/// journey: sign-in page → challenge → provider → callback → completion.
/// </summary>
public sealed partial class SsoApp : IAsyncLifetime
{
    private readonly AppFactory _factory = new();

    public TestOidcProvider Provider { get; } = new();

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = WithSso(_factory, autoCreateUsers: false);
        return Task.CompletedTask;
    }

    /// <summary>The app with single sign-on as configured here, on the data of <paramref name="app"/>.</summary>
    public WebApplicationFactory<Program> WithSso(WebApplicationFactory<Program> app, bool autoCreateUsers) => app.WithWebHostBuilder(builder =>
    {
        foreach (var (key, value) in Settings(autoCreateUsers))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
            services.Configure<OpenIdConnectOptions>(SsoSetup.Scheme, options => options.BackchannelHttpHandler = Provider.CreateBackchannel()));
    });

    public static Dictionary<string, string> Settings(bool autoCreateUsers) => new()
    {
        ["Sso:Enabled"] = "true",
        ["Sso:DisplayName"] = "Contoso",
        ["Sso:Authority"] = TestOidcProvider.Issuer,
        ["Sso:ClientId"] = TestOidcProvider.ClientId,
        ["Sso:ClientSecret"] = TestOidcProvider.ClientSecret,
        ["Sso:RoleClaim"] = "roles",
        ["Sso:RoleMap:dd-analyst"] = AppRoles.Analyst,
        ["Sso:RoleMap:dd-legal"] = AppRoles.LegalReviewer,
        ["Sso:RoleMap:dd-admin"] = AppRoles.Admin,
        ["Sso:AutoCreateUsers"] = autoCreateUsers ? "true" : "false",
    };

    /// <summary>A browser on https (the handler's correlation and nonce cookies are Secure), keeping cookies, showing redirects.</summary>
    public static HttpClient NewBrowser(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Presses "Sign in with Contoso" and follows the journey as a browser would; <paramref name="tamper"/> may change the
    /// provider's answer on its way back. Returns the last response: the completion page, or a redirect to the refused page.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string returnUrl = "/", Action<Dictionary<string, string>>? tamper = null)
    {
        var token = Html.HiddenValue(await browser.GetStringAsync("/account/login"), "__RequestVerificationToken");
        var challenge = await browser.PostAsync("/account/sso/challenge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = returnUrl,
        }));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith($"{TestOidcProvider.Issuer}/authorize?", authorize.AbsoluteUri, StringComparison.Ordinal);

        using var providerBrowser = Provider.CreateBrowser();
        var answer = await (await providerBrowser.GetAsync(authorize)).Content.ReadAsStringAsync();
        var action = new Uri(WebUtility.HtmlDecode(FormAction().Match(answer).Groups[1].Value));
        var fields = HiddenInput().Matches(answer).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        tamper?.Invoke(fields);

        var callback = await browser.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return callback.Headers.Location!.OriginalString.StartsWith("/account/sso/complete", StringComparison.Ordinal)
            ? await browser.GetAsync(callback.Headers.Location)
            : callback;
    }

    /// <summary>A local account (no roles) with this e-mail, as an administrator creates it.</summary>
    public async Task<AppUser> CreateAccountAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Local Account" };
        Assert.True((await users.CreateAsync(user, "walnut-harbour-lantern-58")).Succeeded);
        return user;
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        await Provider.DisposeAsync();
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
