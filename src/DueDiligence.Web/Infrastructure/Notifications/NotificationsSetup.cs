using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;

namespace DueDiligence.Web.Infrastructure.Notifications;

/// <summary>
/// The notification centre's services: adding notifications (and their e-mails) with a change, the user's inbox, and the
/// sender of the e-mail outbox; webhooks and their outbox.
/// </summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.SectionName))
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Mail:From must be an e-mail address, e.g. duediligence@example.com.")
            .Validate(o => !o.UsesSmtp || o.SmtpPort is > 0 and < 65536, "Mail:SmtpPort must be a port number (587, 465 or 25).")
            .Validate(o => o.MaxAttempts >= 1, "Mail:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryAfterSeconds >= 1, "Mail:RetryAfterSeconds must be at least 1.")
            .Validate(o => string.IsNullOrWhiteSpace(o.AppUrl) || (Uri.TryCreate(o.AppUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"),
                "Mail:AppUrl must be the app's address, e.g. https://duediligence.example.com.")
            .ValidateOnStart();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());
        services.AddWebhooks(configuration);
        return services;
    }
}
