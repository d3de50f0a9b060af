using System.Net;
using System.Text.RegularExpressions;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace DueDiligence.Web.Tests.Security.TwoFactor;

/// <summary>
/// The real app with the two-factor policy on (<c>Mfa:Enabled</c>, required for Admin and Executive) and a clock the
/// tests move: codes are computed with Otp.NET from the key the set-up page shows, for the app's own time.
/// </summary>
public sealed partial class TwoFactorApp : IAsyncLifetime
{
    public const string SetUpPath = "/account/two-factor";

    public const string Password = "walnut-harbour-lantern-58";

    private readonly AppFactory _factory = new();
    private readonly (string Key, string Value)[] _settings;

    public TwoFactorApp()
        : this([])
    {
    }

    /// <summary>With more settings, e.g. rate limits of its own.</summary>
    internal TwoFactorApp(params (string Key, string Value)[] settings) => _settings = settings;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Mfa:Enabled", "true");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        return Task.CompletedTask;
    }

    public HttpClient NewBrowser() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new account with these roles and <see cref="Password"/>; returns its e-mail.</summary>
    public async Task<string> NewUserAsync(params string[] roles)
    {
        var email = $"mfa-{Guid.NewGuid():N}@test.local";
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Morwenna Tregear" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return email;
    }

    /// <summary>Signs in with the password only; the response is the redirect after the password step.</summary>
    public async Task<(HttpClient Browser, HttpResponseMessage Response)> PasswordStepAsync(string email, string password = Password)
    {
        var browser = NewBrowser();
        return (browser, await SignInForm.PostAsync(browser, email, password));
    }

    /// <summary>Opens the set-up page, types the code for the key it shows, and returns the key and the recovery codes shown.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/account/two-factor");
        var key = KeyOf(page);
        var response = await PostAsync(browser, "/account/two-factor", page, "turn-on", ("Confirm.Code", CodeFor(key)));
        var result = await response.Content.ReadAsStringAsync();
        var codes = RecoveryCodePattern().Matches(result).Select(m => m.Groups[1].Value).ToList();
        Assert.True(codes.Count == 10, $"No recovery codes shown:\n{result}");
        return (key, codes);
    }

    /// <summary>A signed-in browser of a new account with these roles and an authenticator app set up.</summary>
    public async Task<(HttpClient Browser, string Email, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolledUserAsync(params string[] roles)
    {
        var email = await NewUserAsync(roles);
        var (browser, response) = await PasswordStepAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (key, codes) = await EnrolAsync(browser);
        return (browser, email, key, codes);
    }

    /// <summary>Password, then <paramref name="code"/> on the second step, in a new browser; the response of the code's post.</summary>
    public async Task<(HttpClient Browser, HttpResponseMessage Response)> SignInWithCodeAsync(string email, string code)
    {
        var (browser, password) = await PasswordStepAsync(email);
        Assert.StartsWith("/account/login-two-factor", RedirectPath(password), StringComparison.Ordinal);
        return (browser, await SecondStepAsync(browser, code));
    }

    public async Task<HttpResponseMessage> SecondStepAsync(HttpClient browser, string code)
    {
        var page = await browser.GetStringAsync("/account/login-two-factor?returnUrl=%2F");
        return await PostAsync(browser, "/account/login-two-factor?returnUrl=%2F", page, "second-step", ("Input.Code", code));
    }

    /// <summary>The code an authenticator app shows for this key at the app's time, <paramref name="stepsLater"/> steps of 30 s on.</summary>
    public string CodeFor(string key, int stepsLater = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * stepsLater));

    /// <summary>Moves the app's clock to the next 30-second step, where the authenticator shows a new code.</summary>
    public void NextStep() => Clock.Advance(TimeSpan.FromSeconds(30));

    /// <summary>Where a redirect leads, as a local path (the app writes some redirects as absolute addresses).</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, string page, string form, params (string Name, string Value)[] fields)
    {
        var values = new Dictionary<string, string>
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = Html.HiddenValue(page, "__RequestVerificationToken"),
        };
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return browser.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static string KeyOf(string page) => KeyPattern().Match(page) is { Success: true } match
        ? match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal)
        : throw new InvalidOperationException($"No key on the set-up page:\n{page}");

    public Task<T> AsUserAsync<T>(string name, string[] roles, Func<IServiceProvider, Task<T>> work) =>
        AppFactory.AsUserAsync(App.Services, name, roles, work);

    /// <summary>The audit trail's events about this account, oldest first.</summary>
    public async Task<List<AuditEvent>> EventsOfAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityKey == id || e.EntityKey.StartsWith(id)).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<AppUser> UserAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [GeneratedRegex("data-testid=\"two-factor-key\"[^>]*>([A-Z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<code[^>]*>([A-Z0-9]{5}-[A-Z0-9]{5})</code>")]
    private static partial Regex RecoveryCodePattern();
}
