using System.Net;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DueDiligence.Web.Tests.Security;

/// <summary>Every access decision that goes against a user is logged (ASVS 4.0.3 7.2.2), also when the page turns it into a message.</summary>
public sealed class AccessRefusalLogTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AUseCaseRefusedOnAPage_IsShownAndLoggedWithWhoAndWhy()
    {
        var log = new CapturingLoggerProvider(LogLevel.Warning);
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(log)));

        var message = await AppFactory.AsUserAsync(logged.Services, "legal@test", [AppRoles.LegalReviewer], services =>
        {
            // As in a circuit: the snackbar behind the page's feedback follows the address.
            ((IHostEnvironmentNavigationManager)services.GetRequiredService<NavigationManager>()).Initialize("http://localhost/", "http://localhost/");
            return services.GetRequiredService<UserFeedback>().TryAsync(() => services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(), 0, 10));
        });

        Assert.Equal("This needs the role Administrator.", message);
        Assert.Contains(log.Lines, line => line.StartsWith("Access refused to account legal@test from", StringComparison.Ordinal) && line.Contains("This needs the role Administrator.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEndpointRefusedInItsUseCase_Returns403AndLogsIt()
    {
        var log = new CapturingLoggerProvider(LogLevel.Warning);
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(log)));
        var executive = DemoAccounts.ForRole(AppRoles.Executive);
        using var client = logged.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(client, executive.Email, executive.Password)).StatusCode);

        var response = await client.GetAsync("/suppliers/import-template.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = await app.CreateDbContextAsync();
        var executiveId = db.Users.Single(u => u.Email == executive.Email).Id;
        Assert.Contains(log.Lines, line => line.StartsWith($"Access refused to account {executiveId} from", StringComparison.Ordinal));
    }
}
