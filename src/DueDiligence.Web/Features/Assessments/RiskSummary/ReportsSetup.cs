namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>Use cases of the PDF reports.</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddReportsFeature(this IServiceCollection services)
    {
        services.AddScoped<DownloadRiskSummary>();
        return services;
    }
}
