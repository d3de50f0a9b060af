using Microsoft.AspNetCore.Identity;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>A person who signs in to DueDiligence.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
