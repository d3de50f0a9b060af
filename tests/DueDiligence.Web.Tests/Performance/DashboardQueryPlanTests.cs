using System.Data.Common;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Performance;

/// <summary>
/// The dashboard does not grow with the register: every statement it runs reads a table only through an index that
/// holds what it needs (SQLite's plan says SEARCH, or SCAN … USING COVERING INDEX), never row by row. At 100,000
/// suppliers, a scan of the supplier rows for their status cost the dashboard most of its time (docs/benchmarks.md).
/// </summary>
public sealed class DashboardQueryPlanTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dashboard_OnSqlite_ReadsNoTableRowByRow()
    {
        if (app.Provider != DatabaseProvider.Sqlite)
        {
            return; // the plans below are SQLite's; the PostgreSQL figures are the bench's (docs/benchmarks.md)
        }

        _ = app.Services; // started (migrated, seeded) before the dashboard's statements are recorded
        var statements = await CommandCounter.RecordAsync(() =>
            app.AsUserAsync("executive-1", [AppRoles.Executive], s => s.GetRequiredService<PortfolioQueries>().GetAsync()));

        Assert.NotEmpty(statements);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            var plan = await PlanOfAsync(connection, sql);
            Assert.True(plan.All(step => !step.StartsWith("SCAN ", StringComparison.Ordinal) || step.Contains("COVERING INDEX", StringComparison.Ordinal) || step == "SCAN CONSTANT ROW"),
                $"Reads a table row by row:\n{string.Join("\n", plan)}\n{sql}");
        }
    }

    private static async Task<IReadOnlyList<string>> PlanOfAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql; // unbound parameters plan as they would with values
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
