namespace DueDiligence.Web.Features.Dashboard;

/// <summary>Use cases of the portfolio dashboard.</summary>
internal static class DashboardSetup
{
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services) =>
        services.AddScoped<PortfolioQueries>().AddScoped<SubcontractorsToConfirm>().AddScoped<PortfolioTrend>();
}
