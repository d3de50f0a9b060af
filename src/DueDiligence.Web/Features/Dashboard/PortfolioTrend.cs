using System.Globalization;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Dashboard;

/// <summary>How many suppliers stood in each tier at the end of one month (the current month: today).</summary>
public sealed record TierMonth(DateOnly AsOf, int Low, int Medium, int High, int Critical)
{
    /// <summary>The month as "2026-03".</summary>
    public string Month => AsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public int Total => Low + Medium + High + Critical;

    public int Of(RiskTier tier) => tier switch
    {
        RiskTier.Low => Low,
        RiskTier.Medium => Medium,
        RiskTier.High => High,
        _ => Critical,
    };
}

/// <summary>
/// The portfolio over the last 24 months: at each month end, every supplier counts once, in the tier of its latest
/// decision taken by then; suppliers without a decision by then are not counted. One read of the decisions, counted in
/// memory. Whoever reads the dashboard reads it and its export.
/// </summary>
public sealed class PortfolioTrend(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int Months = 24;

    public async Task<IReadOnlyList<TierMonth>> MonthsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(PortfolioQueries.Readers);
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var decisions = (await db.Assessments.AsNoTracking()
                .Where(a => a.Status == AssessmentStatus.Decided && a.DecidedAtUtc != null)
                .Select(a => new { a.SupplierId, a.Id, DecidedAtUtc = a.DecidedAtUtc!.Value, a.Decision!.Tier })
                .ToListAsync(cancellationToken))
            .OrderBy(d => d.DecidedAtUtc).ThenBy(d => d.Id)
            .ToList();

        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);
        var months = new List<TierMonth>(Months);
        for (var i = 0; i < Months; i++)
        {
            var start = firstMonth.AddMonths(i);
            var asOf = i == Months - 1 ? today : start.AddMonths(1).AddDays(-1);
            var end = asOf.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
            var tiers = decisions.Where(d => d.DecidedAtUtc <= end)
                .GroupBy(d => d.SupplierId)
                .Select(g => g.Last().Tier)
                .ToList();
            months.Add(new TierMonth(
                asOf, tiers.Count(t => t == RiskTier.Low), tiers.Count(t => t == RiskTier.Medium),
                tiers.Count(t => t == RiskTier.High), tiers.Count(t => t == RiskTier.Critical)));
        }

        return months;
    }

    /// <summary>The export's file name, with the day it was made.</summary>
    public string FileName() => $"portfolio-trend-{IsoDates.Day(time.Today())}.csv";
}
