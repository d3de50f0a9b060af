using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Admin.Users;

/// <summary>One row of the user list; <see cref="IsLocked"/> as of the moment the row was read.</summary>
public sealed record UserRow(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, int FailedSignIns, bool IsLocked, bool TwoFactorEnabled = false)
{
    /// <summary>Locked until an administrator unlocks it, unlike the timed lock after failed sign-ins.</summary>
    public bool IsLockedByAdministrator => IsLocked && LockedUntil is { Year: > 9000 };
}

/// <summary>The outcome of an administrator's action: done (with the account as it is now), or the reasons it was refused.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<string> Errors, UserRow? User = null)
{
    public static readonly AdminResult Ok = new(true, []);

    public static AdminResult Refused(params string[] errors) => new(false, errors);

    public static AdminResult From(IdentityResult result) =>
        result.Succeeded ? Ok : new(false, result.Errors.Select(e => e.Description).ToList());
}

/// <summary>Accounts and roles: list, create, change roles, lock and unlock, reset two-factor authentication. Administrators only.</summary>
public sealed class UserAdministration(
    OperationScope operations, CurrentUser currentUser, IValidator<NewUserInput> validator, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Every account with its roles: two queries, whatever the number of accounts.</summary>
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        return await RowsAsync(null);
    }

    /// <summary>The account as it is now, for the page to update its row after an action.</summary>
    private async Task<AdminResult> WithRowAsync(AdminResult result, string userId) =>
        result.Succeeded ? result with { User = (await RowsAsync(userId)).SingleOrDefault() } : result;

    private async Task<IReadOnlyList<UserRow>> RowsAsync(string? onlyUserId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var users = db.Users.AsNoTracking();
        var memberships = db.UserRoles.AsNoTracking();
        if (onlyUserId is not null)
        {
            users = users.Where(u => u.Id == onlyUserId);
            memberships = memberships.Where(m => m.UserId == onlyUserId);
        }

        var accounts = await users.OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.AccessFailedCount, u.TwoFactorEnabled })
            .ToListAsync();
        var roles = (await memberships.Join(db.Roles, m => m.RoleId, r => r.Id, (m, r) => new { m.UserId, r.Name }).ToListAsync())
            .ToLookup(m => m.UserId, m => m.Name ?? "");
        var now = time.GetUtcNow();
        return accounts
            .Select(u => new UserRow(
                u.Id, u.Email ?? "", u.DisplayName, roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.LockoutEnd, u.AccessFailedCount, u.LockoutEnd is { } until && until > now,
                u.TwoFactorEnabled))
            .ToList();
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

            return await WithRowAsync(AdminResult.From(await users.AddToRolesAsync(user, input.Roles.Distinct())), user.Id);
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

            // A new security stamp ends the user's sessions within seconds; they sign in again with the new roles.
            return await WithRowAsync(AdminResult.From(await users.UpdateSecurityStampAsync(user)), userId);
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
            return await WithRowAsync(locked.Succeeded ? AdminResult.From(await users.UpdateSecurityStampAsync(user)) : AdminResult.From(locked), userId);
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
            return await WithRowAsync(unlocked.Succeeded ? AdminResult.From(await users.ResetAccessFailedCountAsync(user)) : AdminResult.From(unlocked), userId);
        });
    }

    /// <summary>
    /// For a lost phone: two-factor authentication off, a new key, no recovery codes, the user's sessions ended (new
    /// security stamp). If a role of the user requires it, the user sets it up again at the next sign-in.
    /// </summary>
    public async Task<AdminResult> ResetTwoFactorAsync(string userId)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.Admin);
        if (userId == await currentUser.GetUserIdAsync())
        {
            return AdminResult.Refused("You cannot reset your own two-factor authentication; turn it off or make new recovery codes on your Two-factor authentication page.");
        }

        return await operations.RunAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return AdminResult.Refused("This account no longer exists.");
            }

            var reset = await TwoFactorAccount.TurnOffAsync(users, user);
            if (reset.Succeeded)
            {
                var admin = await currentUser.GetActorNameAsync();
                var client = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress?.ToString();
                await services.GetRequiredService<SecurityEvents>().RecordAsync(SecurityEvent.MfaReset, user.Id, admin, user.Email, client, $"reset by {admin}");
            }

            return await WithRowAsync(AdminResult.From(reset), userId);
        });
    }
}
