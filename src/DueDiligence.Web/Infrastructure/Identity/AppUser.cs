using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>A person who signs in to DueDiligence.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>The lockout end an administrator sets: locked until unlocked, unlike the timed lockout after failed sign-ins.</summary>
    public static readonly DateTimeOffset AdministratorLockEnd = DateTimeOffset.MaxValue;

    public string DisplayName { get; set; } = "";

    public bool IsLockedByAdministrator => LockoutEnd == AdministratorLockEnd;
}
