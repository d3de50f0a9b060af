using DueDiligence.Web.Components.Layout;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;

namespace DueDiligence.Web.Tests.Security;

public sealed class NavigationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [MemberData(nameof(DemoAccounts.Roles), MemberType = typeof(DemoAccounts))]
    public async Task HomePage_ForEachRole_ShowsOnlyThatRolesNavigation(string role)
    {
        var user = DemoAccounts.ForRole(role);
        var client = await app.SignInAsync(user.Email, user.Password);

        var html = await client.GetStringAsync("/");

        var expected = Navigation.Items.Where(i => i.Roles.Count == 0 || i.Roles.Contains(role)).Select(i => i.Path).ToList();
        Assert.Equal(expected, Html.LinksIn(html, "nav"));
    }

    [Theory]
    [MemberData(nameof(DemoAccounts.Roles), MemberType = typeof(DemoAccounts))]
    public async Task HomePage_ForEachRole_ShowsThatRolesNextSteps(string role)
    {
        var user = DemoAccounts.ForRole(role);
        var client = await app.SignInAsync(user.Email, user.Password);

        var html = await client.GetStringAsync("/");

        Assert.Contains($"data-role=\"{role}\"", html, StringComparison.Ordinal);
        foreach (var other in AppRoles.All.Where(r => r != role))
        {
            Assert.DoesNotContain($"data-role=\"{other}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AdminOnlyEntries_AreHiddenFromEveryOtherRole()
    {
        var adminEntries = Navigation.Items.Where(i => i.Path.StartsWith("/admin", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(adminEntries);
        Assert.All(adminEntries, entry => Assert.Equal([AppRoles.Admin], entry.Roles));
    }
}
