using System.Text.Json;
using DueDiligence.Web.Features.Admin.Webhooks;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Monitoring;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Webhooks;

/// <summary>
/// The monitoring tests' app (demo data, a fake clock, the steps to submitted and decided suppliers) with
/// <c>Webhooks:AllowPrivateTargets</c> on, so that endpoints may point at the <see cref="Receiver"/> on loopback;
/// <see cref="Strict"/> starts an instance on the same database with the setting off.
/// </summary>
public sealed class WebhookApp : IAsyncLifetime
{
    public const string AppUrl = "https://duediligence.example.test";

    public WebhookApp()
    {
        Monitoring = new MonitoringApp(builder =>
        {
            builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
            builder.UseSetting("Mail:AppUrl", AppUrl);
        });
    }

    public MonitoringApp Monitoring { get; }

    public WebApplicationFactory<Program> App => Monitoring.App;

    public WebhookReceiver Receiver { get; } = new();

    public async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await Monitoring.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Monitoring.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>Another instance of the app on the same database and clock, where private targets are not allowed.</summary>
    public WebApplicationFactory<Program> Strict() =>
        App.WithWebHostBuilder(builder => builder.UseSetting("Webhooks:AllowPrivateTargets", "false"));

    /// <summary>An administrator registers an endpoint on the receiver at a path of its own; the secret shown once, and the path.</summary>
    public async Task<(NewWebhookSecret Made, string Path)> RegisterAsync(params WebhookEventType[] events)
    {
        var path = WebhookReceiver.NewPath();
        var made = await AsAdminAsync(s => s.RegisterAsync(Input($"{Receiver.BaseAddress}{path}", events)));
        return (made, path);
    }

    public static WebhookEndpointInput Input(string url, params WebhookEventType[] events) =>
        new() { Name = "Test receiver", Url = url, Events = [.. events] };

    public Task<T> AsAdminAsync<T>(Func<WebhookAdministration, Task<T>> work) =>
        Monitoring.AsUserAsync(MonitoringApp.Admin, MonitoringApp.AdminRole, s => work(s.GetRequiredService<WebhookAdministration>()));

    /// <summary>One round of the sender of this instance (the first unless given).</summary>
    public Task<int> SendDueAsync(WebApplicationFactory<Program>? instance = null) =>
        (instance ?? App).Services.GetRequiredService<WebhookSender>().SendDueAsync(CancellationToken.None);

    public async Task<List<WebhookDelivery>> DeliveriesAsync(Guid endpointId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId).OrderBy(d => d.CreatedAtUtc).ToListAsync();
    }

    /// <summary>The endpoint's deliveries of this type whose payload names the record (<c>data.&lt;field&gt;</c>).</summary>
    public async Task<List<WebhookDelivery>> DeliveriesAboutAsync(Guid endpointId, WebhookEventType type, string field, Guid id) =>
        (await DeliveriesAsync(endpointId)).Where(d => d.EventType == type && Data(d.Payload, field) == id.ToString()).ToList();

    public static string? Data(string payload, string field)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.GetProperty("data").TryGetProperty(field, out var value) ? value.GetString() : null;
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookApp>
{
    public const string Name = "webhooks";
}
