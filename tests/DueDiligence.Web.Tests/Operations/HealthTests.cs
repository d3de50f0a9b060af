using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace DueDiligence.Web.Tests.Operations;

/// <summary>
/// /health/live and /health/ready, without sign-in: ready only when the database, evidence folder and Chromium are;
/// degraded (still ready) when more e-mails wait in the outbox than the bound.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Ready_WhenEverythingIsThere_IsHealthyAndNamesOnlyItsChecks()
    {
        await using var app = new AppFactory();
        var response = await app.CreateBrowserLikeClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal(["chromium", "database", "evidence-folder", "outbox-backlog"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetString()));
        Assert.DoesNotContain(app.DataDirectory, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WithoutChromium_IsUnhealthyWhileLiveStaysHealthy()
    {
        await using var factory = new AppFactory();
        using var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium");
            builder.UseSetting("Pdf:WarmUpAtStart", "false");
        });
        var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("chromium").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_WhenTheDatabaseFileIsGone_IsUnhealthy()
    {
        await using var app = new AppFactory();
        var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        if (app.Provider != DatabaseProvider.Sqlite)
        {
            return; // a server database cannot be taken away from inside the test; the SQLite run covers the check
        }

        // The pools keep their connections, as a running app's do: they still read the moved file. A folder in the
        // file's place keeps a background job from creating an empty database there meanwhile.
        var database = Path.Combine(app.DataDirectory, "duediligence.db");
        File.Move(database, database + ".away");
        Directory.CreateDirectory(database);

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("database").GetString());
        Directory.Delete(database);
        File.Move(database + ".away", database);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Ready_WhenMoreMailsWaitThanTheBound_IsDegradedButStillReady()
    {
        await using var app = new AppFactory(TestDatabase.Current, configure: b => b.UseSetting("Health:OutboxBacklogLimit", "2"));
        var client = app.CreateClient();
        await WaitingMails.AddAsync(app, 3, WaitingMails.NextYear(app));

        var overTheBound = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, overTheBound.StatusCode);
        var body = await overTheBound.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.GetProperty("checks").GetProperty("outbox-backlog").GetString());
    }
}
