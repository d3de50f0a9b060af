namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>Why the portal refused a visitor; shown on a plain page, and recorded in the audit trail.</summary>
public enum PortalRefusal
{
    UnknownLink,
    Expired,
    Withdrawn,
    Replaced,
    NoSession,
    OutsideInvitation,
    FormNotFromPortal,
    WrongCode,
    CodeExpired,
    TooManyCodeAttempts,
    TooManyCodes,
}

/// <summary>The portal refuses the request; <see cref="Exception.Message"/> is the sentence the visitor reads.</summary>
public sealed class PortalRefusedException(PortalRefusal reason, string message) : Exception(message)
{
    public PortalRefusal Reason { get; } = reason;

    public static string Explain(PortalRefusal reason) => reason switch
    {
        PortalRefusal.UnknownLink => "This link is not valid. Check that you copied the whole link from the e-mail, or ask your contact for a new one.",
        PortalRefusal.Expired => "This link has expired. Ask your contact at the company that sent it for a new one.",
        PortalRefusal.Withdrawn => "This link was withdrawn by the company that sent it. Ask your contact there for a new one.",
        PortalRefusal.Replaced => "This link was replaced by a newer one. Use the link from the most recent e-mail.",
        PortalRefusal.NoSession => "Open the questionnaire with the link from your invitation e-mail.",
        PortalRefusal.OutsideInvitation => "This page is not part of your questionnaire. Your link opens only the questions you were invited to answer.",
        PortalRefusal.FormNotFromPortal => "The form could not be accepted because it did not come from this questionnaire's page. Open the questionnaire again with your link.",
        PortalRefusal.WrongCode => "That code is not right. Check the latest e-mail with your code and type its 6 digits.",
        PortalRefusal.CodeExpired => "This code has expired or was already used. Open the link from your invitation e-mail again to get a new code.",
        PortalRefusal.TooManyCodeAttempts => "Too many wrong codes were typed. Open the link from your invitation e-mail again to get a new code.",
        PortalRefusal.TooManyCodes => "We already sent several codes for this link in the last hour. Wait an hour and open the link again, or ask your contact at the company for help.",
        _ => "The questionnaire cannot be opened.",
    };
}
