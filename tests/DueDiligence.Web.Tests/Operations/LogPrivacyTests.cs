using System.Net;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DueDiligence.Web.Tests.Operations;

/// <summary>
/// Logs carry no personal data: sign-ins, refused sign-ins and refused access name accounts by id, never by e-mail
/// address or name, and never a password; the audit trail keeps the address for whoever may read it.
/// </summary>
public sealed class LogPrivacyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SignIns_RefusedAndAccepted_LogNoAddressNameOrPassword()
    {
        var log = new CapturingLoggerProvider(LogLevel.Debug);
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(log)));
        var analyst = DemoAccounts.ForRole(AppRoles.Analyst);
        var executive = DemoAccounts.ForRole(AppRoles.Executive);
        const string Unknown = "nobody.here@example.org";
        const string WrongPassword = "Wrong-Password-For-Logs-2026";
        using var client = logged.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        await SignInForm.PostAsync(client, analyst.Email, WrongPassword);
        await SignInForm.PostAsync(client, Unknown, WrongPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(client, executive.Email, executive.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/suppliers/import-template.csv")).StatusCode);

        var everything = string.Join("\n", log.Entries.Select(e => e.Everything));
        Assert.Contains("Sign-in of account", everything, StringComparison.Ordinal);
        Assert.Contains("Access refused to account", everything, StringComparison.Ordinal);
        foreach (var secret in new[] { analyst.Email, executive.Email, analyst.DisplayName, executive.DisplayName, Unknown, WrongPassword, executive.Password, "@demo.local" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }
    }
}
