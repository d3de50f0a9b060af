using System.Net;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;

namespace DueDiligence.Web.Tests.Assessments.Approvals;

/// <summary>The approval-rules page is for administrators only; the delegation page for executives only.</summary>
public sealed class ApprovalPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(AppRoles.Admin, "/admin/approval-rules", HttpStatusCode.OK)]
    [InlineData(AppRoles.Executive, "/admin/approval-rules", HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.LegalReviewer, "/admin/approval-rules", HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.Analyst, "/admin/approval-rules", HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.Executive, "/assessments/delegation", HttpStatusCode.OK)]
    [InlineData(AppRoles.Admin, "/assessments/delegation", HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.LegalReviewer, "/assessments/delegation", HttpStatusCode.Forbidden)]
    [InlineData(AppRoles.Analyst, "/assessments/delegation", HttpStatusCode.Forbidden)]
    public async Task Get_ByRole_OnlyTheRoleTheyAreForGetsIn(string role, string url, HttpStatusCode expected)
    {
        var user = DemoAccounts.ForRole(role);
        using var client = await app.SignInAsync(user.Email, user.Password);

        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }
}
