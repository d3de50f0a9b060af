namespace DueDiligence.Web.Infrastructure.Notifications;

/// <summary>The notification centre's services: adding notifications with a change, and the user's inbox.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        return services;
    }
}
