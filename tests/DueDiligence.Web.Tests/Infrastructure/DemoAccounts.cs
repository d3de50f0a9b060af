using DueDiligence.Web.Infrastructure.Persistence.Seed;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>The seeded demo users by role, for tests that sign in.</summary>
public static class DemoAccounts
{
    public static DemoUsers.DemoUser ForRole(string role) => DemoUsers.All.Single(u => u.Role == role);

    public static TheoryData<string> Roles()
    {
        var data = new TheoryData<string>();
        foreach (var user in DemoUsers.All)
        {
            data.Add(user.Role);
        }

        return data;
    }
}
