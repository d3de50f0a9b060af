using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Notifications.Mail;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>
/// What the app e-mails a supplier contact, in plain words: the invitation with its link, the one-time code, and the
/// reminder that the link is about to stop working. The composer escapes every piece of it; only the invitation and the
/// code carry a secret, so only their bodies are forgotten once sent.
/// </summary>
internal static class PortalMails
{
    public static ContactMessage Invitation(SupplierInvitation invitation, string supplierName, IReadOnlyList<string> sectionTitles, string url, bool reissued)
    {
        var inviter = invitation.InvitedByName;
        var opening = reissued
            ? $"{inviter} sent you a new link to answer questions about {supplierName} by {IsoDates.InWords(invitation.Deadline)}; the link you had before no longer works. The questions are in these sections:"
            : $"{inviter} asks you to answer a few questions about {supplierName} by {IsoDates.InWords(invitation.Deadline)}. The questions are in these sections:";
        var closing = new List<string>
        {
            $"You need no account or password. The link is yours alone, so please do not forward it. Every answer is saved as you give it: you can stop and come back with the same link until {IsoDates.InWords(LastDay(invitation))}.",
        };
        if (invitation.AsksForCode)
        {
            closing.Add("The first time you open the link in a browser, we e-mail you a 6-digit code to type in, to make sure it is you.");
        }

        closing.Add($"Questions? Write to {inviter} directly; replies to this e-mail are not read.");
        return new ContactMessage(
            reissued ? $"A new link to answer questions about {supplierName}" : $"{inviter} asks you to answer questions about {supplierName}",
            opening, sectionTitles, new ContactLink("Open the questionnaire", url), closing,
            $"Sent by DueDiligence for {inviter}. If you did not expect this e-mail, you can ignore it.", HoldsSecret: true);
    }

    public static ContactMessage Code(SupplierInvitation invitation, string supplierName, string digits) =>
        new(
            $"Your code to open the questionnaire about {supplierName}",
            $"Your code is {digits}.",
            [],
            null,
            [
                $"Type it on the page that asked for it. It works once, for the next {PortalCodes.Lifetime.TotalMinutes:0} minutes.",
                $"If you did not just open your questionnaire link, someone else may have it: tell {invitation.InvitedByName}, who can withdraw it and send you a new one.",
            ],
            "Sent by DueDiligence because your questionnaire link was opened in a browser it did not know yet.",
            HoldsSecret: true);

    public static ContactMessage LinkExpiring(SupplierInvitation invitation, string supplierName, string when) =>
        new(
            $"Your questionnaire link about {supplierName} stops working {when}",
            $"{invitation.InvitedByName} asked you to answer questions about {supplierName} by {IsoDates.InWords(invitation.Deadline)}, and your answers have not been submitted yet. Your link works until the end of {IsoDates.InWords(LastDay(invitation))}.",
            [],
            null,
            [
                "Open it from the invitation e-mail, answer the remaining questions and press Submit my answers at the bottom of the page.",
                $"If you cannot find the link any more, or need more time, write to {invitation.InvitedByName}: they can send you a new one.",
            ],
            $"Sent by DueDiligence for {invitation.InvitedByName}.",
            HoldsSecret: false);

    /// <summary>The last day the link works: it stops at midnight (UTC) at the start of <see cref="SupplierInvitation.ExpiresAtUtc"/>'s day.</summary>
    public static DateOnly LastDay(SupplierInvitation invitation) => DateOnly.FromDateTime(invitation.ExpiresAtUtc).AddDays(-1);

}
