namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>Section <c>Passwords</c>: how hard to guess a new password must be.</summary>
public sealed class PasswordStrengthOptions
{
    public const string SectionName = "Passwords";

    /// <summary>
    /// The lowest zxcvbn score accepted, 0 (anything) to 4 (very hard to guess). 3 — about 10^10 guesses, safe against
    /// an offline attack on a slow hash — unless set.
    /// </summary>
    public int MinimumStrength { get; set; } = 3;
}
