using DueDiligence.Web.Infrastructure.Persistence.Seed;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>The seeded demo users by role, for tests that sign in.</summary>
public static class DemoAccounts
{
    public static DemoUsers.DemoUser ForRole(string role) => DemoUsers.All.First(u => u.Role == role);

    public static TheoryData<string> Roles()
    {
        var data = new TheoryData<string>();
        foreach (var role in DemoUsers.All.Select(u => u.Role).Distinct())
        {
            data.Add(role);
        }

        return data;
    }
}
