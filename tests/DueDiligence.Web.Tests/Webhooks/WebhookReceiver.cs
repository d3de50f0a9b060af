using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Webhooks;

/// <summary>One request the receiver got, and the status it answered.</summary>
public sealed record ReceivedWebhook(string Path, string? DeliveryId, string? Signature, string? EventName, string ContentType, string Body, int Answered);

/// <summary>
/// A real HTTP server (Kestrel) on loopback that receives webhooks: it keeps every request and answers 200, or the
/// statuses queued for a path (<see cref="AnswerNext"/>); a path under /redirect answers 302 to another path.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;

    /// <summary>"http://127.0.0.1:port".</summary>
    public string BaseAddress { get; private set; } = "";

    public int Port => new Uri(BaseAddress).Port;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(ReceiveAsync);
        await _app.StartAsync();
        BaseAddress = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>A path of its own for a test's endpoint.</summary>
    public static string NewPath() => $"/hook/{Guid.NewGuid():N}";

    /// <summary>The next requests to <paramref name="path"/> are answered with these statuses, in order; then 200 again.</summary>
    public void AnswerNext(string path, params int[] statuses)
    {
        var queue = _answers.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public IReadOnlyList<ReceivedWebhook> ReceivedAt(string path) => [.. _received.Where(r => r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var status = path.StartsWith("/redirect", StringComparison.Ordinal) ? StatusCodes.Status302Found
            : _answers.TryGetValue(path, out var queue) && queue.TryDequeue(out var queued) ? queued
            : StatusCodes.Status200OK;
        _received.Enqueue(new ReceivedWebhook(
            path, context.Request.Headers["X-DueDiligence-Delivery"], context.Request.Headers["X-DueDiligence-Signature"],
            context.Request.Headers["X-DueDiligence-Event"], context.Request.ContentType ?? "", body, status));
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status302Found)
        {
            context.Response.Headers.Location = "/hook/redirected";
        }
    }
}
