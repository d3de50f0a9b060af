namespace DueDiligence.Web.Features.Assessments.Reminders;

/// <summary>The daily reminders: their lead times from the <c>Reminders</c> section, the reminders and the job that sends them.</summary>
public static class RemindersSetup
{
    public static IServiceCollection AddRemindersFeature(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName)
            .PostConfigure(o => o.ApplyDefaults())
            .Validate(o => o.DueInDays.Concat(o.EvidenceExpiringInDays).Concat(o.ReassessmentDueInDays).Concat(o.PortalLinkExpiringInDays).All(d => d is >= 0 and <= 365),
                "Reminders: each lead time is a number of days from 0 to 365.")
            .Validate(o => o.OverdueEveryDays >= 1, "Reminders:OverdueEveryDays must be at least 1.")
            .ValidateOnStart();
        services.AddScoped<DailyReminders>();
        services.AddSingleton<DailyRemindersJob>();
        services.AddHostedService(provider => provider.GetRequiredService<DailyRemindersJob>());
        return services;
    }
}
