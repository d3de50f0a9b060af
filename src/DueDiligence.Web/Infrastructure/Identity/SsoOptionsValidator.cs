using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>Stops the app at start-up when single sign-on is enabled but a setting is missing or wrong, naming the setting.</summary>
internal sealed class SsoOptionsValidator : IValidateOptions<SsoOptions>
{
    public ValidateOptionsResult Validate(string? name, SsoOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            errors.Add($"Sso:Authority is '{options.Authority}', which is not an address: give the provider's issuer, e.g. https://login.microsoftonline.com/<tenant id>/v2.0.");
        }
        else if (authority.Scheme == "http" && !authority.IsLoopback)
        {
            errors.Add($"Sso:Authority is '{options.Authority}': the provider must be reached over https (plain http only on this machine, for tests).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add("Sso:ClientId is missing: give the client (application) id registered at the provider.");
        }

        if (string.IsNullOrWhiteSpace(options.DisplayName))
        {
            errors.Add("Sso:DisplayName is empty: give the organisation's name for the button \"Sign in with …\".");
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            errors.Add("Sso:RoleClaim is empty: give the id-token claim that lists the user's roles or groups, e.g. roles.");
        }

        if (options.RoleMap.Count == 0)
        {
            errors.Add("Sso:RoleMap is empty: map at least one value of the role claim to a role, e.g. Sso:RoleMap:dd-analyst=Analyst.");
        }

        errors.AddRange(options.RoleMap
            .Where(entry => !AppRoles.All.Contains(entry.Value, StringComparer.Ordinal))
            .Select(entry => $"Sso:RoleMap:{entry.Key} is '{entry.Value}', which is not a role: use {string.Join(", ", AppRoles.All)}."));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
