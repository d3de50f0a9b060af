using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>The dashboard's download: the portfolio trend as CSV, for whoever reads the dashboard (the use case checks the role).</summary>
internal static class DashboardEndpoints
{
    public const string TrendExport = "/dashboard/portfolio-trend.csv";

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TrendExport, async (HttpContext context, [FromServices] PortfolioTrend trend, CancellationToken cancellationToken) =>
        {
            try
            {
                var months = await trend.MonthsAsync(cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return Results.File(PortfolioTrendCsv.Create(months), PortfolioTrendCsv.ContentType, trend.FileName());
            }
            catch (ForbiddenException e)
            {
                await context.RequestServices.GetRequiredService<AccessRefusals>().RecordAsync(e);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        });
        return endpoints;
    }
}
