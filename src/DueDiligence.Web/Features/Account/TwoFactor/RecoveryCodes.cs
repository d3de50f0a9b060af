namespace DueDiligence.Web.Features.Account.TwoFactor;

/// <summary>
/// One-time recovery codes (Identity's: 10 characters in two groups, "7KD2M-QX9RT"), for a lost phone: each signs in
/// once in place of an authenticator code.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>True for anything but digits and spaces: an authenticator code is digits only.</summary>
    public static bool Looks(string code) => code.Any(c => !char.IsAsciiDigit(c) && c != ' ');

    /// <summary>As Identity stores them: upper case, without surrounding spaces.</summary>
    public static string Normalise(string code) => code.Trim().ToUpperInvariant();
}
