using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>Who does what in partner selection: analysts run projects, the executive chooses, legal reviewers read.</summary>
internal static class SourcingAccess
{
    /// <summary>Creates projects and manages their candidates.</summary>
    public const string Organiser = AppRoles.Analyst;

    /// <summary>Records the chosen partner and the decision memo.</summary>
    public const string Approver = AppRoles.Executive;

    /// <summary>The roles that see sourcing projects; administrators run the workspace but take no part in sourcing.</summary>
    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive];
}
