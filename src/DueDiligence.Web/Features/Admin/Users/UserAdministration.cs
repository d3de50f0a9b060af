using DueDiligence.Web.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Admin.Users;

/// <summary>One row of the user list.</summary>
public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, int FailedSignIns)
{
    public bool IsLocked => LockedUntil is { } until && until > DateTimeOffset.UtcNow;
}

/// <summary>The outcome of an administrator's action: done, or the reasons it was refused.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly AdminResult Ok = new(true, []);

    public static AdminResult Refused(params string[] errors) => new(false, errors);

    public static AdminResult From(IdentityResult result) =>
        result.Succeeded ? Ok : new(false, result.Errors.Select(e => e.Description).ToList());
}

/// <summary>Accounts and roles: list, create, change roles, lock and unlock. Administrators only.</summary>
public sealed class UserAdministration(OperationScope operations, CurrentUser currentUser, IValidator<NewUserInput> validator)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        return await operations.RunAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
            var rows = new List<UserRow>(all.Count);
            foreach (var user in all)
            {
                var roles = await users.GetRolesAsync(user);
                rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, roles.Order().ToList(), user.LockoutEnd, user.AccessFailedCount));
            }

            return (IReadOnlyList<UserRow>)rows;
        });
    }

    public async Task<AdminResult> CreateAsync(NewUserInput input)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid)
        {
            return AdminResult.Refused(validation.Errors.Select(e => e.ErrorMessage).ToArray());
        }

        return await operations.RunAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var email = input.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                return AdminResult.Refused($"An account for {email} exists already.");
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName.Trim() };
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                return AdminResult.From(created);
            }

            return AdminResult.From(await users.AddToRolesAsync(user, input.Roles.Distinct()));
        });
    }

    public async Task<AdminResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        if (roles.Count == 0 || !roles.All(AppRoles.All.Contains))
        {
            return AdminResult.Refused("Choose at least one role from the list.");
        }

        var actingId = await currentUser.GetUserIdAsync();
        if (userId == actingId && !roles.Contains(AppRoles.Admin))
        {
            return AdminResult.Refused("You cannot remove your own Administrator role; ask another administrator.");
        }

        return await operations.RunAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return AdminResult.Refused("This account no longer exists.");
            }

            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
            if (!removed.Succeeded)
            {
                return AdminResult.From(removed);
            }

            var added = await users.AddToRolesAsync(user, roles.Except(current));
            if (!added.Succeeded)
            {
                return AdminResult.From(added);
            }

            // Open sessions pick up the new roles at their next check.
            return AdminResult.From(await users.UpdateSecurityStampAsync(user));
        });
    }

    public async Task<AdminResult> LockAsync(string userId)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        if (userId == await currentUser.GetUserIdAsync())
        {
            return AdminResult.Refused("You cannot lock your own account.");
        }

        return await operations.RunAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return AdminResult.Refused("This account no longer exists.");
            }

            await users.SetLockoutEnabledAsync(user, true);
            var locked = await users.SetLockoutEndDateAsync(user, AppUser.AdministratorLockEnd);
            // A new security stamp ends the user's open sessions.
            return locked.Succeeded ? AdminResult.From(await users.UpdateSecurityStampAsync(user)) : AdminResult.From(locked);
        });
    }

    public async Task<AdminResult> UnlockAsync(string userId)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        return await operations.RunAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return AdminResult.Refused("This account no longer exists.");
            }

            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return unlocked.Succeeded ? AdminResult.From(await users.ResetAccessFailedCountAsync(user)) : AdminResult.From(unlocked);
        });
    }
}
