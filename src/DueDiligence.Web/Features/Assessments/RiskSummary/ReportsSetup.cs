namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>Use cases of the PDF reports.</summary>
internal static class ReportsSetup
{
    public static IServiceCollection AddReportsFeature(this IServiceCollection services)
    {
        services.AddScoped<DownloadRiskSummary>();
        return services;
    }
}
