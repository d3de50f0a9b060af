namespace DueDiligence.Web.Features.Monitoring;

/// <summary>The suppliers' current positions, their daily check and the "Changed since decision" queue.</summary>
internal static class MonitoringSetup
{
    public static IServiceCollection AddMonitoringFeature(this IServiceCollection services)
    {
        services.AddScoped<SupplierPositionUpdater>();
        services.AddScoped<ChangedSinceDecisionQueries>();
        services.AddSingleton<SupplierPositionsJob>();
        services.AddHostedService(provider => provider.GetRequiredService<SupplierPositionsJob>());
        return services;
    }
}
