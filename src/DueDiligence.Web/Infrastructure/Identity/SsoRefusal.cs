namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>Why a single sign-on did not sign the user in; the refused page says what to do about each.</summary>
public enum SsoRefusal
{
    /// <summary>The provider's answer failed a check: state, nonce, signature, issuer, audience or lifetime.</summary>
    ProviderAnswerRejected,

    /// <summary>No account is linked to this person and none may be linked or created.</summary>
    NoAccount,

    /// <summary>None of the person's roles or groups at the provider maps to a DueDiligence role.</summary>
    NoRole,

    /// <summary>The account is locked (by an administrator or after failed password sign-ins).</summary>
    Locked,
}
