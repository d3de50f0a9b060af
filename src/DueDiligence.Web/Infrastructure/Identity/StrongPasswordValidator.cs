using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zxcvbn.Matcher;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Refuses a password that is easy to guess: zxcvbn's estimate (with its own lists of common passwords, words and
/// names, keyboard patterns, repeats, sequences and dates) must reach <see cref="PasswordStrengthOptions.MinimumStrength"/>,
/// counting the user's e-mail, name and the application's name as known words; and the password must not contain
/// the e-mail's local part or a part of the name.
/// </summary>
public sealed class StrongPasswordValidator(IOptions<PasswordStrengthOptions> options) : IPasswordValidator<AppUser>
{
    private const string ApplicationName = "duediligence";
    private const int ShortestPersonalWord = 4;

    /// <summary>Longer passwords are refused (ASVS 4.0.3 2.1.2): passphrases of 64 characters fit, and the estimate's work stays bounded.</summary>
    public const int LongestPassword = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > LongestPassword)
        {
            return Task.FromResult(Refused("PasswordTooLong", $"A password can have at most {LongestPassword} characters; this one has {password.Length}."));
        }

        var personal = PersonalWords(user).FirstOrDefault(word => password.Contains(word, StringComparison.OrdinalIgnoreCase));
        if (personal is not null)
        {
            return Task.FromResult(Refused("PasswordContainsPersonalWord", $"A password must not contain your e-mail address or name (it contains \"{personal}\")."));
        }

        var estimate = Zxcvbn.Zxcvbn.MatchPassword(password, UserInputs(user));
        return Task.FromResult(estimate.Score >= options.Value.MinimumStrength
            ? IdentityResult.Success
            : Refused("PasswordTooEasyToGuess", $"This password is too easy to guess. {Warning(estimate)}Use a passphrase of four or more unrelated, uncommon words."));
    }

    private static IdentityResult Refused(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    private static IEnumerable<string> UserInputs(AppUser user)
    {
        var email = user.Email ?? "";
        return new[] { email, LocalPart(email), user.DisplayName, ApplicationName }
            .Concat(Words(user.DisplayName))
            .Where(input => input.Length > 0)
            .Select(input => input.ToLowerInvariant());
    }

    /// <summary>The e-mail's local part, its pieces and the words of the name, of at least four characters.</summary>
    private static IEnumerable<string> PersonalWords(AppUser user)
    {
        var local = LocalPart(user.Email ?? "");
        return new[] { local }.Concat(Words(local)).Concat(Words(user.DisplayName))
            .Where(word => word.Length >= ShortestPersonalWord)
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static string LocalPart(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? email : email[..at];
    }

    private static string[] Words(string text) =>
        text.Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Why, from the longest pattern zxcvbn found; empty when nothing stands out.</summary>
    private static string Warning(Zxcvbn.Result estimate) =>
        estimate.MatchSequence.OrderByDescending(match => match.Token.Length).FirstOrDefault() switch
        {
            DictionaryMatch { DictionaryName: "user_inputs" } => "It is built on your e-mail address, your name or the name of this application. ",
            DictionaryMatch { DictionaryName: "passwords" } => "This is a very common password. ",
            DictionaryMatch => "Common words and names on their own are easy to guess. ",
            RepeatMatch => "Repeated characters like \"aaaa\" are easy to guess. ",
            SpatialMatch => "Keyboard patterns like \"qwerty\" are easy to guess. ",
            SequenceMatch => "Sequences like \"abcd\" or \"6543\" are easy to guess. ",
            DateMatch => "Dates and years are easy to guess. ",
            _ => "",
        };
}
