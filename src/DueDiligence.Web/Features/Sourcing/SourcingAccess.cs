using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>
/// Who does what in partner selection: an analyst opens a project and owns it; its owner and collaborators run it; the
/// executive chooses; legal reviewers and administrators read (administrators to hand over a project whose owner left).
/// </summary>
internal static class SourcingAccess
{
    /// <summary>Creates projects; the owner and collaborators among them change a project and its candidates.</summary>
    public const string Organiser = AppRoles.Analyst;

    /// <summary>Records the chosen partner and the decision memo.</summary>
    public const string Approver = AppRoles.Executive;

    /// <summary>What only the owner and collaborators may do, as the refusal names it.</summary>
    public const string ChangeAction = "change this sourcing project";

    /// <summary>The roles that see sourcing projects; administrators read them to hand them over, and take no other part.</summary>
    public static readonly string[] Readers = [AppRoles.Analyst, AppRoles.LegalReviewer, AppRoles.Executive, AppRoles.Admin];
}
