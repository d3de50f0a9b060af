namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>Webhooks: the <c>Webhooks</c> section, the targets' checks, the secrets, raising events and the sender of the webhook outbox.</summary>
public static class WebhooksSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .Validate(o => o.MaxAttempts >= 1, "Webhooks:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryAfterSeconds >= 1, "Webhooks:RetryAfterSeconds must be at least 1.")
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 120, "Webhooks:TimeoutSeconds must be from 1 to 120.")
            .ValidateOnStart();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookEvents>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                // A new connection resolves the name again, and is checked again.
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectCallback = provider.GetRequiredService<WebhookTargets>().ConnectAsync,
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookSender>());
        return services;
    }
}
