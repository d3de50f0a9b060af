using System.Collections.Concurrent;
using System.Net;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Tests.Api;

/// <summary>
/// Every read endpoint × every role, on the demo records (owned by the demo analyst), with a token of every read scope:
/// the same answers as the pages give those roles, because the endpoints call the pages' use cases.
/// </summary>
public sealed class ApiAccessMatrixTests(ApiApp api) : IClassFixture<ApiApp>
{
    private const string Analyst = AppRoles.Analyst, Legal = AppRoles.LegalReviewer, Executive = AppRoles.Executive, Admin = AppRoles.Admin;

    private static readonly string[] Everyone = [Analyst, Legal, Executive, Admin];

    private static readonly ConcurrentDictionary<(ApiApp App, string Role), Lazy<Task<string>>> Tokens = new();

    /// <summary>Path (with {supplier}, {assessment}, {project} standing for demo records) and the roles that get 200; the others get 403.</summary>
    private static readonly (string Path, string[] Allowed)[] Rules =
    [
        ("/api/v1/suppliers", Everyone),
        ("/api/v1/suppliers/{supplier}", Everyone),
        ("/api/v1/jurisdictions", Everyone),
        ("/api/v1/jurisdictions/VN", Everyone),
        ("/api/v1/sourcing-projects", Everyone),
        ("/api/v1/assessments/{assessment}/report.pdf", [Analyst, Legal, Executive]),
        ("/api/v1/assessments?status=Decided", [Analyst, Legal, Executive]),
        ("/api/v1/assessments/{assessment}", [Analyst, Legal, Executive]),
        ("/api/v1/assessments/{assessment}/status", [Analyst, Legal, Executive]),
        ("/api/v1/assessments/{assessment}/decision", [Analyst, Legal, Executive]),
        ("/api/v1/questionnaires", [Analyst, Legal, Executive]),
        ("/api/v1/findings?overdue=true", [Analyst, Legal, Executive]),
        ("/api/v1/findings?owner=me", [Analyst, Legal, Executive]),
        ("/api/v1/findings/{finding}", [Analyst, Legal, Executive]),
        ("/api/v1/conditions?status=Open", [Analyst, Legal, Executive]),
        ("/api/v1/conditions/{condition}", [Analyst, Legal, Executive]),
        ("/api/v1/audit/events?limit=5", [Admin]),
        ("/api/v1/audit/export?entityType=Supplier", [Admin]),
        ("/api/v1/audit/export?format=csv&entityType=Supplier", [Admin]),
        ("/api/v1/audit/verification", [Admin]),
        ("/api/v1/audit/receipt", [Admin]),
    ];

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (path, allowed) in Rules)
        {
            foreach (var role in Everyone)
            {
                data.Add(path, role, allowed.Contains(role));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Get_ByRole_AnswersAsThePagesDo(string path, string role, bool allowed)
    {
        var response = await api.Client(await TokenOfDemoUserAsync(role)).GetAsync(await WithDemoRecordsAsync(path));

        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        else
        {
            await ApiAssert.ProblemAsync(response, 403, "needs the role");
        }
    }

    /// <summary>One token per demo user in each app: a user may hold only so many.</summary>
    private Task<string> TokenOfDemoUserAsync(string role) => Tokens.GetOrAdd((api, role), key => new(() => NewTokenOfDemoUserAsync(key.Role))).Value;

    private async Task<string> NewTokenOfDemoUserAsync(string role)
    {
        var demo = DemoAccounts.ForRole(role);
        await using var db = await api.DbAsync();
        var id = await db.Users.Where(u => u.Email == demo.Email).Select(u => u.Id).SingleAsync();
        var reads = Enum.GetValues<ApiResource>().Select(ApiApp.Read).ToArray();
        return await api.TokenAsync(new Person(id, role, demo.Email, role), reads);
    }

    private async Task<string> WithDemoRecordsAsync(string path)
    {
        await using var db = await api.DbAsync();
        var decided = await db.Assessments.Where(a => a.Status == AssessmentStatus.Decided).Select(a => new { a.Id, a.SupplierId }).FirstAsync();
        var finding = await db.Assessments.SelectMany(a => a.Findings).Select(f => f.Id).FirstAsync();
        var condition = await db.Assessments.SelectMany(a => a.Conditions).Select(c => c.Id).FirstAsync();
        return path.Replace("{supplier}", decided.SupplierId.ToString(), StringComparison.Ordinal)
            .Replace("{assessment}", decided.Id.ToString(), StringComparison.Ordinal)
            .Replace("{finding}", finding.ToString(), StringComparison.Ordinal)
            .Replace("{condition}", condition.ToString(), StringComparison.Ordinal);
    }
}
